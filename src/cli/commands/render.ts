/** `cdk8s-prometheus render`: the prometheus.yaml the operator generates for each Prometheus. */

import { resolve } from '../../resolver/resolve';
import { Command, ParsedOptions } from '../command';
import { CliIo } from '../io';
import {
  FILENAME_OPTION, NO_DEFAULTS_OPTION, OPERATOR_OPTIONS, operatorOptions, PROMETHEUS_OPTION, prometheusKey, readInputs, requirePrometheuses,
} from '../options';

/** The render command. */
export const command: Command = {
  name: 'render',
  summary: 'Print the prometheus.yaml the operator generates for each Prometheus and PrometheusAgent.',
  usage: 'render -f <path>... [--prometheus <namespace>/<name>] [options]',
  options: {
    ...FILENAME_OPTION,
    ...PROMETHEUS_OPTION,
    'skip-selection': {
      type: 'boolean',
      description: 'render every ServiceMonitor, PodMonitor, Probe and ScrapeConfig as if selected (no selectors, no rejection checks)',
    },
    ...NO_DEFAULTS_OPTION,
    ...OPERATOR_OPTIONS,
  },
  details: [
    'With --prometheus the configuration is printed alone; otherwise each configuration is a YAML',
    'document preceded by a comment naming its Prometheus. Warnings (rejected monitors, fields the',
    'Prometheus version ignores) go to stderr.',
  ].join('\n'),
  run: async (options: ParsedOptions, io: CliIo) => {
    const only = prometheusKey(options);
    const flags = operatorOptions(options);
    const objects = await readInputs(options, io);
    const result = resolve(objects, {
      ...flags,
      prometheus: only,
      skipSelection: options['skip-selection'] === true,
      noDefaults: options['no-defaults'] === true,
    });
    requirePrometheuses(result.prometheuses.length);
    const out = only !== undefined
      ? result.prometheuses.map((r) => r.yaml).join('---\n')
      : result.prometheuses.map((r) => `# ${r.kind} ${r.key}\n${r.yaml}`).join('---\n');
    const warnings = [
      ...result.warnings.map((w) => `warning: ${w}\n`),
      ...result.prometheuses.flatMap((r) => r.warnings.map((w) => `warning: ${r.kind} ${r.key}: ${w}\n`)),
    ];
    io.stdout(out);
    io.stderr(warnings.join(''));
    return 0;
  },
};
