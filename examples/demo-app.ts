import { Chart, ChartProps, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { MONITORING_NAMESPACE, PROMETHEUS_SELECTION_LABELS } from './monitoring-stack';
import { ISelectingPrometheus, MonitoredApp, MonitorKind } from '../src';

export { MONITORING_NAMESPACE, PROMETHEUS_SELECTION_LABELS };

/** Namespace the demo app runs in. */
export const DEMO_NAMESPACE = 'demo';
/**
 * Image of the demo app, prometheus-operator's getting-started example: it listens on 8080,
 * serves `/metrics`, and answers 200 on any other path (so `/hello` serves as its health check).
 */
export const DEMO_IMAGE = 'quay.io/brancz/prometheus-example-app:v0.5.0';

/** Options of the demo app chart. */
export interface DemoAppChartProps extends ChartProps {
  /** The Prometheus that scrapes the app: its monitor gets the labels this Prometheus selects by. */
  readonly prometheus: ISelectingPrometheus;
  /**
   * Which monitor scrapes the app.
   * @default MonitorKind.SERVICE_MONITOR
   */
  readonly monitorKind?: MonitorKind;
}

/**
 * The classic setup: namespace `demo`, Deployment and Service `demo-go` (Service port `metrics`
 * targeting container port `http`), and a monitor `demo-go` in namespace `monitoring` labelled
 * for the Prometheus (`release: prometheus`) that scrapes `/metrics` every 15 seconds.
 */
export class DemoAppChart extends Chart {
  /** The `demo` Namespace. */
  public readonly demoNamespace: kplus.Namespace;
  /** The demo app with its Deployment, Service and monitor. */
  public readonly app: MonitoredApp;

  constructor(scope: Construct, id: string, props: DemoAppChartProps) {
    super(scope, id, props);
    this.demoNamespace = new kplus.Namespace(this, 'Namespace', { metadata: { name: DEMO_NAMESPACE } });
    const hello = () => kplus.Probe.fromHttpGet('/hello', { port: 8080 });
    this.app = new MonitoredApp(this, 'demo-go', {
      namespace: DEMO_NAMESPACE,
      image: DEMO_IMAGE,
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
      monitorKind: props.monitorKind ?? MonitorKind.SERVICE_MONITOR,
      // The monitor lives beside the Prometheus and names the app's namespace in its namespaceSelector.
      monitorNamespace: MONITORING_NAMESPACE,
      prometheus: props.prometheus,
    });
  }
}
