import { ApiObject, JsonPatch } from 'cdk8s';
import type { DemoCharts } from './demo';

/**
 * A classic monitoring mistake planted in the demo stack (`npm run demo -- --mistake <name>`), to
 * show how the synth-time checks report it. MonitoredApp cannot make these mistakes, so they are
 * planted the way they reach real manifests: by editing the generated objects (JSON patches, as
 * when YAML is copied and changed by hand).
 */
export interface DemoMistake {
  /** The value of `--mistake`. */
  readonly name: string;
  /** What is wrong, in one line. */
  readonly description: string;
  /** Plants the mistake in the demo stack. */
  readonly plant: (charts: DemoCharts) => void;
}

/** The ServiceMonitor object of the demo app. */
function demoServiceMonitor(charts: DemoCharts): ApiObject {
  return ApiObject.of(charts.demo.app.serviceMonitor!);
}

/** The mistakes the demo can plant. */
export const DEMO_MISTAKES: readonly DemoMistake[] = [
  {
    name: 'missing-release-label',
    description: 'the demo-go ServiceMonitor lacks the label release: prometheus that the Prometheus selects monitors by',
    plant: (charts) => demoServiceMonitor(charts).addJsonPatch(JsonPatch.remove('/metadata/labels/release')),
  },
  {
    name: 'wrong-port-name',
    description: 'the demo-go ServiceMonitor scrapes port "http" (the container port\'s name) instead of the Service port "metrics"',
    plant: (charts) => demoServiceMonitor(charts).addJsonPatch(JsonPatch.replace('/spec/endpoints/0/port', 'http')),
  },
];

/** The mistake named `name`; throws listing the known names when there is none. */
export function findMistake(name: string): DemoMistake {
  const mistake = DEMO_MISTAKES.find((m) => m.name === name);
  if (!mistake) {
    throw new Error(`unknown mistake ${JSON.stringify(name)}. Use one of: ${DEMO_MISTAKES.map((m) => m.name).join(', ')}.`);
  }
  return mistake;
}
