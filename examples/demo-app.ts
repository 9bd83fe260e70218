import { Chart, ChartProps, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { MonitoredApp, MonitorKind } from '../src';

/** Namespace the demo app runs in. */
export const DEMO_NAMESPACE = 'demo';
/** Namespace the monitors live in, next to the Prometheus that selects them. */
export const MONITORING_NAMESPACE = 'monitoring';
/** The labels the demo's Prometheus selects monitors by. */
export const PROMETHEUS_SELECTION_LABELS = { release: 'prometheus' };
/**
 * Image of the demo Go app: it serves `/hello` and `/metrics` on port 8080. Override with the
 * DEMO_GO_IMAGE environment variable to use your own build.
 */
export const DEMO_GO_IMAGE = process.env.DEMO_GO_IMAGE ?? 'ghcr.io/cdk8s-prometheus/demo-go:1.0.0';

/** Options of the demo app chart. */
export interface DemoAppChartProps extends ChartProps {
  /**
   * Which monitor scrapes the app.
   * @default MonitorKind.SERVICE_MONITOR
   */
  readonly monitorKind?: MonitorKind;
}

/**
 * The classic setup: namespace `demo`, Deployment and Service `demo-go` (Service port `metrics`
 * targeting container port `http`), and a monitor `demo-go` in namespace `monitoring` labelled
 * `release: prometheus` that scrapes `/metrics` every 15 seconds.
 */
export class DemoAppChart extends Chart {
  /** The `demo` Namespace. */
  public readonly demoNamespace: kplus.Namespace;
  /** The demo app with its Deployment, Service and monitor. */
  public readonly app: MonitoredApp;

  constructor(scope: Construct, id: string, props: DemoAppChartProps = {}) {
    super(scope, id, props);
    this.demoNamespace = new kplus.Namespace(this, 'Namespace', { metadata: { name: DEMO_NAMESPACE } });
    this.app = addDemoGo(this, props.monitorKind ?? MonitorKind.SERVICE_MONITOR);
  }
}

/** Adds the `demo-go` app to `scope`, scraped by a monitor of `monitorKind`. */
export function addDemoGo(scope: Construct, monitorKind: MonitorKind): MonitoredApp {
  const hello = () => kplus.Probe.fromHttpGet('/hello', { port: 8080 });
  return new MonitoredApp(scope, 'demo-go', {
    namespace: DEMO_NAMESPACE,
    image: DEMO_GO_IMAGE,
    replicas: 2,
    containerPort: 8080,
    containerPortName: 'http',
    servicePortName: 'metrics',
    path: '/metrics',
    interval: Duration.seconds(15),
    readiness: hello(),
    liveness: hello(),
    resources: {
      cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(500) },
      memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) },
    },
    monitorKind,
    monitorNamespace: MONITORING_NAMESPACE,
    monitorLabels: PROMETHEUS_SELECTION_LABELS,
  });
}
