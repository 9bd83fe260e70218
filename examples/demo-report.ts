import type { DemoResult } from './demo';
import type { DemoMistake } from './mistakes';
import { formatSummary } from './summary';
import { FindingSeverity } from '../src/checks';

/**
 * What `npm run demo` prints after a successful synth: the files and objects written, how to
 * apply them, the rendered configuration of each Prometheus, and the findings of the checks.
 */
export function formatDemoReport(result: DemoResult): string {
  const { outdir, files, configs } = result;
  const sections = [formatSummary(outdir, files)];
  sections.push([
    'Apply the CRDs first, server-side (the Prometheus CRD is too large for client-side apply), then the rest:',
    `  kubectl apply --server-side -f ${outdir}/${result.crdFile}`,
    '  kubectl wait --for condition=Established --timeout 60s crd --all',
    `  kubectl apply --server-side -f ${outdir}/`,
    `${outdir}/${result.variantFile} is the demo app scraped by a PodMonitor instead of the ServiceMonitor:`,
    `apply it in place of ${outdir}/${result.demoFile}, not beside it (kubectl apply -f ${outdir}/ skips subfolders).`,
  ].join('\n'));
  for (const config of configs) {
    const jobs = ((config.config.scrape_configs ?? []) as Array<{ job_name: string }>).map((j) => j.job_name);
    sections.push([
      `${config.kind} ${config.key}: the prometheus.yaml the operator generates (Secret ${config.namespace}/${config.secretName}), `
        + `written to ${outdir}/${config.fileName}`,
      `  selects: ${config.selected.join(', ') || 'nothing'}`,
      `  scrape jobs: ${jobs.join(', ') || 'none'}`,
      ...config.warnings.map((w) => `  operator warning: ${w}`),
      '',
      config.yaml.trimEnd(),
    ].join('\n'));
  }
  sections.push(`Synth-time checks: ${result.checksReport}`);
  return sections.join('\n\n');
}

/** What `npm run demo` prints when the checks fail the synth: the planted mistake and every finding. */
export function formatDemoFailure(result: DemoResult, mistake: DemoMistake | undefined): string {
  const errors = result.findings.filter((f) => f.severity === FindingSeverity.ERROR && f.acknowledgement === undefined).length;
  return [
    ...(mistake ? [`Planted mistake ${mistake.name}: ${mistake.description}.`, ''] : []),
    result.checksReport,
    '',
    `Synth failed with ${errors} error(s); ${result.outdir}/ was not touched.`,
  ].join('\n');
}
