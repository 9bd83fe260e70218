import { ApiObject, Chart, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Checks } from '../checks/checks';
import { fail } from '../common/errors';
import { validateKubeLabels, validatePortName, validatePortNumber } from '../common/labels';
import { MonitorNamespaceSelector } from '../common/namespace-selector';
import { validateWholeNumber } from '../common/numbers';
import { ISelectingPrometheus } from '../common/selecting';
import { Selector } from '../common/selector';
import { DEFAULT_METRICS_PATH, renderScrapeTiming, validateHttpPath } from '../monitors/endpoint';
import { PodMonitor } from '../monitors/pod-monitor';
import { RelabelConfig, renderRelabelConfigs } from '../monitors/relabel';
import { ServiceMonitor } from '../monitors/service-monitor';
import { isDns1035Label } from '../resolver/select/kube-names';

/** Which monitor scrapes a MonitoredApp. */
export enum MonitorKind {
  /** A ServiceMonitor that scrapes the app's Service port. */
  SERVICE_MONITOR = 'ServiceMonitor',
  /** A PodMonitor that scrapes the container port of each pod directly. */
  POD_MONITOR = 'PodMonitor',
}

/** Properties of a MonitoredApp. */
export interface MonitoredAppProps {
  /**
   * Name of the workload, Service and monitor (a DNS-1035 label).
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Namespace of the workload and Service.
   * @default - the given workload's namespace, else the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Container image to run in a new Deployment. Give either `image` or `workload`.
   * @default - none; `workload` is required then
   */
  readonly image?: string;
  /**
   * An existing cdk8s-plus Deployment, StatefulSet or DaemonSet whose pods expose the metrics
   * port. Give either `image` or `workload`.
   * @default - a Deployment is created from `image`
   */
  readonly workload?: kplus.Workload;
  /**
   * Replicas of the created Deployment.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Number of the container port that serves metrics (for a created Deployment).
   * @default 8080
   */
  readonly containerPort?: number;
  /**
   * Name of the container port that serves metrics; the Service's target port and the
   * PodMonitor's port refer to it.
   * @default 'metrics'
   */
  readonly containerPortName?: string;
  /**
   * Number of the Service port.
   * @default - the container port's number
   */
  readonly servicePort?: number;
  /**
   * Name of the Service port the ServiceMonitor scrapes.
   * @default 'metrics'
   */
  readonly servicePortName?: string;
  /**
   * Labels of the app: on the created Deployment and its pods, and on the Service, which the
   * ServiceMonitor selects by them.
   * @default { app: <name> }
   */
  readonly labels?: { [key: string]: string };
  /**
   * HTTP path of the metrics.
   * @default '/metrics'
   */
  readonly path?: string;
  /**
   * Scrape interval.
   * @default - the Prometheus's scrape interval
   */
  readonly interval?: Duration;
  /**
   * Scrape timeout, at most `interval`.
   * @default - the Prometheus's scrape timeout
   */
  readonly scrapeTimeout?: Duration;
  /**
   * Which monitor to create.
   * @default MonitorKind.SERVICE_MONITOR
   */
  readonly monitorKind?: MonitorKind;
  /**
   * Namespace of the monitor. When it differs from the app's namespace, the monitor's
   * namespaceSelector names the app's namespace.
   * @default - the app's namespace
   */
  readonly monitorNamespace?: string;
  /**
   * Labels of the monitor, typically those the selecting Prometheus's `serviceMonitorSelector`
   * or `podMonitorSelector` needs (e.g. `{ release: 'prometheus' }`).
   * @default - none beyond those `prometheus` asks for
   */
  readonly monitorLabels?: { [key: string]: string };
  /**
   * The Prometheus that should select the monitor; its selection labels are added to the monitor.
   * @default - only `monitorLabels`
   */
  readonly prometheus?: ISelectingPrometheus;
  /**
   * Target relabeling of the monitor's endpoint.
   * @default - none
   */
  readonly relabelings?: RelabelConfig[];
  /**
   * Sample relabeling of the monitor's endpoint.
   * @default - none
   */
  readonly metricRelabelings?: RelabelConfig[];
  /**
   * Resources of the created container.
   * @default - requests 50m CPU and 64Mi memory, limits 500m CPU and 256Mi memory
   */
  readonly resources?: kplus.ContainerResources;
  /**
   * Readiness probe of the created container.
   * @default - a TCP check of the metrics port
   */
  readonly readiness?: kplus.Probe;
  /**
   * Liveness probe of the created container.
   * @default - none
   */
  readonly liveness?: kplus.Probe;
  /**
   * Startup probe of the created container.
   * @default - none
   */
  readonly startup?: kplus.Probe;
  /**
   * User (and group) ID the created container runs as. The container must not run as root; an
   * explicit ID lets images built without a `USER` start under `runAsNonRoot`.
   * @default 65534 (nobody)
   */
  readonly runAsUser?: number;
}

const DEFAULT_RESOURCES: kplus.ContainerResources = {
  cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(500) },
  memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) },
};
/** The conventional unprivileged user and group ID. */
const NOBODY = 65534;

const CREATED_WORKLOAD_ONLY: Array<keyof MonitoredAppProps> = ['image', 'replicas', 'containerPort', 'resources', 'readiness', 'liveness', 'startup', 'runAsUser'];

/**
 * An application that exposes Prometheus metrics, wired end to end: the workload (a new hardened
 * Deployment or an existing workload), a Service whose named port targets the named metrics
 * container port and whose own labels the ServiceMonitor selects, and the monitor (ServiceMonitor
 * or PodMonitor), optionally in another namespace with the labels its Prometheus selects on.
 *
 * Creating it turns on the synth-time checks of its app ({@link Checks}): mistakes that would
 * make the operator lose targets, rules or alerts fail synth; warnings are printed.
 */
export class MonitoredApp extends Construct {
  /** Name of the workload, Service and monitor. */
  public readonly name: string;
  /** Namespace of the workload and Service, when known. */
  public readonly namespace?: string;
  /** The workload running the app (created, or the one given). */
  public readonly workload: kplus.Workload;
  /** The container that declares the metrics port. */
  public readonly container: kplus.Container;
  /** Labels of the app's pods that the Service (and a PodMonitor) select. */
  public readonly podSelectorLabels: { [key: string]: string };
  /** The Service in front of the pods; its port `servicePortName` targets the named container port. */
  public readonly service: kplus.Service;
  /** The ServiceMonitor, when `monitorKind` is SERVICE_MONITOR. */
  public readonly serviceMonitor?: ServiceMonitor;
  /** The PodMonitor, when `monitorKind` is POD_MONITOR. */
  public readonly podMonitor?: PodMonitor;

  constructor(scope: Construct, id: string, props: MonitoredAppProps = {}) {
    super(scope, id);
    Checks.of(this);
    this.name = props.name ?? id;
    if (!isDns1035Label(this.name)) {
      fail(this, 'name', `"${this.name}" is not a valid Service name. Use at most 63 lowercase letters, digits or '-', starting with a letter${props.name === undefined ? ' (the construct id is used when name is not set)' : ''}.`);
    }
    validateInputs(this, props);
    this.namespace = props.namespace ?? props.workload?.metadata.namespace ?? Chart.of(this).namespace;
    const labels = props.labels ?? { app: this.name };
    validateKubeLabels(this, 'labels', labels);
    const portName = props.containerPortName ?? 'metrics';
    validatePortName(this, 'containerPortName', portName);
    const servicePortName = props.servicePortName ?? 'metrics';
    validatePortName(this, 'servicePortName', servicePortName);
    const monitorNamespace = props.monitorNamespace ?? this.namespace;
    if (monitorNamespace !== this.namespace && this.namespace === undefined) {
      fail(this, 'namespace', `the app's namespace is unknown, so a monitor in "${monitorNamespace}" cannot name it. Set namespace (or the chart's namespace).`);
    }

    if (props.workload) {
      this.workload = props.workload;
      this.container = findContainerWithPort(this, props.workload, portName);
      this.podSelectorLabels = { ...props.workload.matchLabels };
      if (Object.keys(this.podSelectorLabels).length === 0) {
        fail(this, 'workload', `${props.workload.node.path} selects its pods by no label. Use a workload that selects its pods by labels (cdk8s-plus does so unless select is false).`);
      }
    } else {
      const deployment = this.createDeployment(props, labels, portName);
      this.workload = deployment;
      this.container = deployment.containers[0];
      this.podSelectorLabels = { ...labels };
    }
    const containerPort = this.container.ports.find((p) => p.name === portName)!.number;
    const servicePort = props.servicePort ?? containerPort;

    this.service = new kplus.Service(this, 'Service', {
      metadata: { name: this.name, ...(this.namespace ? { namespace: this.namespace } : {}), labels },
      ports: [{ name: servicePortName, port: servicePort }],
    });
    for (const [key, value] of Object.entries(this.podSelectorLabels)) {
      this.service.selectLabel(key, value);
    }
    // cdk8s-plus only takes numeric target ports; the named port keeps Service and container in step.
    // The patch applies before cdk8s-plus's generated serializer, which takes an IntOrString here.
    ApiObject.of(this.service).addJsonPatch(JsonPatch.add('/spec/ports/0/targetPort', kplus.k8s.IntOrString.fromString(portName)));

    const metadata = {
      name: this.name,
      ...(monitorNamespace ? { namespace: monitorNamespace } : {}),
      ...(props.monitorLabels ? { labels: props.monitorLabels } : {}),
    };
    const namespaceSelector = monitorNamespace === this.namespace ? MonitorNamespaceSelector.own() : MonitorNamespaceSelector.names(this.namespace!);
    const endpoint = {
      path: props.path ?? DEFAULT_METRICS_PATH,
      interval: props.interval,
      scrapeTimeout: props.scrapeTimeout,
      relabelings: props.relabelings,
      metricRelabelings: props.metricRelabelings,
    };
    if ((props.monitorKind ?? MonitorKind.SERVICE_MONITOR) === MonitorKind.SERVICE_MONITOR) {
      this.serviceMonitor = new ServiceMonitor(this, 'ServiceMonitor', {
        metadata,
        prometheus: props.prometheus,
        selector: Selector.matchLabels(labels),
        namespaceSelector,
        endpoints: [{ port: servicePortName, ...endpoint }],
      });
    } else {
      this.podMonitor = new PodMonitor(this, 'PodMonitor', {
        metadata,
        prometheus: props.prometheus,
        selector: Selector.matchLabels(this.podSelectorLabels),
        namespaceSelector,
        podMetricsEndpoints: [{ port: portName, ...endpoint }],
      });
    }
  }

  private createDeployment(props: MonitoredAppProps, labels: { [key: string]: string }, portName: string): kplus.Deployment {
    const containerPort = props.containerPort ?? 8080;
    const deployment = new kplus.Deployment(this, 'Deployment', {
      metadata: { name: this.name, ...(this.namespace ? { namespace: this.namespace } : {}), labels },
      replicas: props.replicas ?? 1,
      select: false,
      podMetadata: { labels },
      containers: [{
        name: this.name,
        image: props.image!,
        ports: [{ number: containerPort, name: portName }],
        readiness: props.readiness ?? kplus.Probe.fromTcpSocket({ port: containerPort }),
        liveness: props.liveness,
        startup: props.startup,
        resources: props.resources ?? DEFAULT_RESOURCES,
        securityContext: {
          ensureNonRoot: true,
          user: props.runAsUser ?? NOBODY,
          group: props.runAsUser ?? NOBODY,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          privileged: false,
          capabilities: { drop: [kplus.Capability.ALL] },
          seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
        },
      }],
    });
    deployment.select(kplus.LabelSelector.of({ labels }));
    return deployment;
  }
}

/** Checks the props that do not depend on the workload, so nothing is created from bad input. */
function validateInputs(scope: Construct, props: MonitoredAppProps): void {
  if (props.workload) {
    const kinds = [kplus.Deployment, kplus.StatefulSet, kplus.DaemonSet];
    if (!kinds.some((kind) => props.workload instanceof kind)) {
      fail(scope, 'workload', `a ${props.workload.constructor.name} is not supported. Use a cdk8s-plus Deployment, StatefulSet or DaemonSet.`);
    }
    const extra = CREATED_WORKLOAD_ONLY.find((field) => props[field] !== undefined);
    if (extra) {
      fail(scope, extra, `${extra} only applies when the app's Deployment is created from image, but workload is given. Configure ${extra} on the workload instead.`);
    }
    if (props.namespace !== undefined && props.workload.metadata.namespace !== undefined && props.namespace !== props.workload.metadata.namespace) {
      fail(scope, 'namespace', `"${props.namespace}" differs from the workload's namespace "${props.workload.metadata.namespace}". Leave namespace unset or use the workload's.`);
    }
  } else if (!props.image) {
    fail(scope, 'image', 'neither image nor workload is given. Give the image to run, or an existing Deployment, StatefulSet or DaemonSet as workload.');
  }
  for (const field of ['containerPort', 'servicePort'] as const) {
    if (props[field] !== undefined) {
      validatePortNumber(scope, field, props[field]);
    }
  }
  validateWholeNumber(scope, 'replicas', props.replicas);
  if (props.runAsUser !== undefined && (!Number.isInteger(props.runAsUser) || props.runAsUser < 1)) {
    fail(scope, 'runAsUser', `${props.runAsUser} is not allowed: the container must not run as root. Use a positive whole user ID such as 65534.`);
  }
  validateHttpPath(scope, 'path', props.path ?? DEFAULT_METRICS_PATH);
  renderScrapeTiming(scope, '', props);
  renderRelabelConfigs(scope, 'relabelings', props.relabelings);
  renderRelabelConfigs(scope, 'metricRelabelings', props.metricRelabelings);
  validateKubeLabels(scope, 'monitorLabels', props.monitorLabels);
}

function findContainerWithPort(scope: Construct, workload: kplus.Workload, portName: string): kplus.Container {
  const container = workload.containers.find((c) => c.ports.some((p) => p.name === portName));
  if (!container) {
    const declared = workload.containers.flatMap((c) => c.ports.map((p) => p.name ?? String(p.number)));
    fail(scope, 'containerPortName', `no container of ${workload.node.path} declares a port named "${portName}" (declared: ${declared.length > 0 ? declared.join(', ') : 'none'}). Name the metrics port on the container and pass that name.`);
  }
  return container;
}
