import { ApiObject, ApiObjectMetadata, Chart, Duration, Lazy, Names, Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { AppObjects } from './app-objects';
import { PrometheusRbac } from './rbac';
import { RemoteWriteOptions, renderRemoteWrite } from './remote-write';
import { ScrapeClass, renderScrapeClasses } from './scrape-class';
import { PrometheusSecurityContext } from './security';
import { KindSelection, labelsToBeSelected, namespacesOfSelectedObjects, SELECTOR_FIELDS } from './selection';
import { prometheusNetworkPolicy, prometheusPodDisruptionBudget, prometheusService, PrometheusExposure } from './service';
import { defaultRetentionSize, formatByteSize, PrometheusStorage } from './storage';
import { renderThanos, THANOS_GRPC_PORT, ThanosSidecarOptions } from './thanos';
import { normalizePrometheusVersion } from './version';
import { Checks } from '../checks/checks';
import { IAlertmanagerEndpoint } from '../common/alertmanager-endpoint';
import { toPositivePrometheusDuration, toPrometheusDuration } from '../common/duration';
import { fail } from '../common/errors';
import { validatePortName, validatePrometheusLabelName } from '../common/labels';
import { NamespaceSelector } from '../common/namespace-selector';
import { renderResources } from '../common/resources';
import { restrictedSecurityContext } from '../common/security-context';
import { ISelectingPrometheus, SelectableKind } from '../common/selecting';
import { LabelSelectorJson, Selector } from '../common/selector';
import * as monitoring from '../imports/monitoring.coreos.com';
import { PodMonitor, PodMonitorProps } from '../monitors/pod-monitor';
import { Probe, ProbeProps } from '../monitors/probe';
import { ServiceMonitor, ServiceMonitorProps } from '../monitors/service-monitor';
import { DEFAULT_PROMETHEUS_VERSION, PROMETHEUS_IMAGE_REPOSITORY } from '../resolver/defaults/operator-defaults';
import { isDns1123Label } from '../resolver/select/kube-names';
import { AlertRuleGroup, AlertRuleGroupOptions } from '../rules/alert-rule-group';
import { RenderedConfig } from '../synth/rendered-config';
import { RenderedConfigs, RenderedConfigsOptions } from '../synth/rendered-configs';

/** Properties of a {@link Prometheus}. */
export interface PrometheusProps {
  /**
   * Name of the Prometheus object (the operator names the StatefulSet `prometheus-<name>`).
   * @default - the construct id in lower case when it is a valid name, else a name derived from the construct path
   */
  readonly name?: string;
  /**
   * Namespace of the Prometheus and of its Service, ServiceAccount and policies.
   * @default - the chart's namespace, else "default"
   */
  readonly namespace?: string;
  /**
   * Prometheus version; the image is pinned to it.
   * @default Prometheus.DEFAULT_VERSION (v3.13.2, the default of prometheus-operator v0.93.0)
   */
  readonly version?: string;
  /**
   * Container image.
   * @default - quay.io/prometheus/prometheus:<version>
   */
  readonly image?: string;
  /**
   * Pods per shard (identical copies for high availability).
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Shards: the targets are split among this many groups of pods.
   * @default 1
   */
  readonly shards?: number;
  /**
   * How long samples are kept.
   * @default - 24h (the operator's default)
   */
  readonly retention?: Duration;
  /**
   * Upper bound of the TSDB's size; the oldest blocks are removed beyond it.
   * @default - 85% of the volume when the storage size is known, else no bound
   */
  readonly retentionSize?: Size;
  /**
   * Where the TSDB lives.
   * @default PrometheusStorage.persistentVolumeClaim() (10 GiB from the default StorageClass)
   */
  readonly storage?: PrometheusStorage;
  /**
   * Resources of the Prometheus container.
   * @default - requests 100m CPU and 400Mi memory, no limits
   */
  readonly resources?: kplus.ContainerResources;
  /**
   * User and groups of the pods. The pods always run as non-root with the RuntimeDefault seccomp
   * profile, passing Pod Security "restricted".
   * @default - user 1000, group 2000, fsGroup 2000
   */
  readonly securityContext?: PrometheusSecurityContext;
  /**
   * Labels added to every series sent out (remote write, federation, alerts).
   * @default - none besides the operator's `prometheus` and `prometheus_replica`
   */
  readonly externalLabels?: { [name: string]: string };
  /**
   * Default scrape interval.
   * @default Duration.seconds(30)
   */
  readonly scrapeInterval?: Duration;
  /**
   * Default scrape timeout; at most the scrape interval.
   * @default - Prometheus's default (10s)
   */
  readonly scrapeTimeout?: Duration;
  /**
   * Interval at which rules are evaluated.
   * @default Duration.seconds(30)
   */
  readonly evaluationInterval?: Duration;
  /**
   * Scrape classes monitors can opt into.
   * @default - none
   */
  readonly scrapeClasses?: ScrapeClass[];
  /**
   * Remote write endpoints.
   * @default - none
   */
  readonly remoteWrite?: RemoteWriteOptions[];
  /**
   * Thanos sidecar.
   * @default - no sidecar
   */
  readonly thanos?: ThanosSidecarOptions;
  /**
   * Which ServiceMonitors are selected.
   * @default Selector.matchLabels({ prometheus: <name> })
   */
  readonly serviceMonitorSelector?: Selector;
  /**
   * Where ServiceMonitors are selected.
   * @default - the own namespace plus every namespace where the app defines a ServiceMonitor the selector matches
   */
  readonly serviceMonitorNamespaceSelector?: NamespaceSelector;
  /**
   * Which PodMonitors are selected.
   * @default Selector.matchLabels({ prometheus: <name> })
   */
  readonly podMonitorSelector?: Selector;
  /**
   * Where PodMonitors are selected.
   * @default - the own namespace plus every namespace where the app defines a PodMonitor the selector matches
   */
  readonly podMonitorNamespaceSelector?: NamespaceSelector;
  /**
   * Which Probes are selected.
   * @default Selector.matchLabels({ prometheus: <name> })
   */
  readonly probeSelector?: Selector;
  /**
   * Where Probes are selected.
   * @default - the own namespace plus every namespace where the app defines a Probe the selector matches
   */
  readonly probeNamespaceSelector?: NamespaceSelector;
  /**
   * Which ScrapeConfigs are selected.
   * @default Selector.matchLabels({ prometheus: <name> })
   */
  readonly scrapeConfigSelector?: Selector;
  /**
   * Where ScrapeConfigs are selected.
   * @default - the own namespace plus every namespace where the app defines a ScrapeConfig the selector matches
   */
  readonly scrapeConfigNamespaceSelector?: NamespaceSelector;
  /**
   * Which PrometheusRules are loaded.
   * @default Selector.matchLabels({ prometheus: <name> })
   */
  readonly ruleSelector?: Selector;
  /**
   * Where PrometheusRules are selected.
   * @default - the own namespace plus every namespace where the app defines a PrometheusRule the selector matches
   */
  readonly ruleNamespaceSelector?: NamespaceSelector;
  /**
   * Alertmanagers that receive the alerts (more can be added with `addAlertmanager`).
   * @default - none
   */
  readonly alerting?: IAlertmanagerEndpoint[];
  /**
   * An existing ServiceAccount to run as. When set, no ServiceAccount or RBAC objects are created.
   * @default - a ServiceAccount `prometheus-<name>` with RBAC computed from what this Prometheus selects
   */
  readonly serviceAccountName?: string;
  /**
   * Further namespaces to grant discovery access in, for monitors defined outside this app that
   * look beyond their own namespace.
   * @default - none
   */
  readonly rbacNamespaces?: string[];
  /**
   * Grant (true) or withhold (false) read access to kubelet (`nodes/metrics`) and API server
   * (`/metrics`) metrics.
   * @default - granted when a selected monitor or scrape class authenticates with the pod's service account token
   */
  readonly kubernetesMetricsAccess?: boolean;
  /**
   * Create a PodDisruptionBudget (maxUnavailable 1) when there is more than one replica.
   * @default true
   */
  readonly podDisruptionBudget?: boolean;
  /**
   * Create a NetworkPolicy admitting traffic to the Prometheus pods only from these peers (and the
   * Prometheus pods themselves). An empty list admits no other pod.
   * @default - no NetworkPolicy
   */
  readonly allowFrom?: kplus.INetworkPolicyPeer[];
}

/** Port of the Prometheus web UI and API. */
const WEB_PORT = 9090;

/**
 * A Prometheus server run by prometheus-operator: the Prometheus CR, its ServiceAccount with RBAC
 * computed from what it selects, a Service (port `web`, 9090), a PodDisruptionBudget when it has
 * more than one replica and, on request, a NetworkPolicy.
 *
 * Every selector is an explicit choice; by default this Prometheus selects the monitors, probes,
 * scrape configs and rules labelled `prometheus: <name>` (see `selectionLabels`).
 *
 * Creating it turns on the synth-time checks of its app ({@link Checks}): mistakes that would
 * make the operator lose targets, rules or alerts fail synth; warnings are printed.
 */
export class Prometheus extends Construct implements ISelectingPrometheus {
  /** The Prometheus version used when none is given (the default of prometheus-operator v0.93.0). */
  public static readonly DEFAULT_VERSION = DEFAULT_PROMETHEUS_VERSION;

  /** The Prometheus CR (child `Resource`). */
  public readonly resource: monitoring.Prometheus;
  /** Name of the Prometheus object. */
  public readonly name: string;
  /** Namespace of the Prometheus object. */
  public readonly namespace: string;
  /** `namespace/name` of the Prometheus object. */
  public readonly prometheusKey: string;
  /** The Prometheus version the image is pinned to. */
  public readonly version: string;
  /** The ServiceAccount the pods run as. */
  public readonly serviceAccountName: string;
  /** The Service in front of the pods. */
  public readonly service: ApiObject;
  /** Name of the Service. */
  public readonly serviceName: string;
  /** Name of the Service port of the web UI and API. */
  public readonly portName: string = 'web';
  /** Labels carried by every Prometheus pod of this Prometheus (all shards and replicas). */
  public readonly podSelectorLabels: { [key: string]: string };
  /** The PodDisruptionBudget, when there is more than one replica. */
  public readonly podDisruptionBudget?: ApiObject;
  /** The NetworkPolicy, when `allowFrom` is set. */
  public readonly networkPolicy?: kplus.NetworkPolicy;

  private readonly selections = new Map<SelectableKind, KindSelection>();
  private readonly alertmanagers: IAlertmanagerEndpoint[] = [];

  constructor(scope: Construct, id: string, props: PrometheusProps = {}) {
    super(scope, id);
    Checks.of(this);
    this.name = props.name ?? defaultName(this, id);
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    validateObjectName(this, 'name', this.name, 33, 'the operator derives StatefulSet, pod and label values from it');
    validateObjectName(this, 'namespace', this.namespace, 63, 'it is a Kubernetes namespace');
    this.prometheusKey = `${this.namespace}/${this.name}`;
    this.version = normalizePrometheusVersion(this, 'version', props.version ?? DEFAULT_PROMETHEUS_VERSION);
    (props.rbacNamespaces ?? []).forEach((ns, i) => validateObjectName(this, `rbacNamespaces[${i}]`, ns, 63, 'it is a Kubernetes namespace'));
    this.podSelectorLabels = { 'app.kubernetes.io/name': 'prometheus', 'operator.prometheus.io/name': this.name };

    for (const kind of Object.values(SelectableKind)) {
      const fields = SELECTOR_FIELDS[kind];
      this.selections.set(kind, {
        selector: (props as any)[fields.selector] ?? Selector.matchLabels({ prometheus: this.name }),
        namespaceSelector: (props as any)[fields.namespaceSelector],
      });
    }
    (props.alerting ?? []).forEach((am) => this.addAlertmanager(am));

    this.serviceAccountName = props.serviceAccountName ?? `prometheus-${this.name}`;
    this.resource = new monitoring.Prometheus(this, 'Resource', {
      metadata: { name: this.name, namespace: this.namespace },
      spec: this.renderSpec(props),
    });
    if (props.serviceAccountName === undefined) {
      new PrometheusRbac(this, 'Rbac', {
        prometheus: this.resource,
        namespace: this.namespace,
        prometheusName: this.name,
        serviceAccountName: this.serviceAccountName,
        extraNamespaces: props.rbacNamespaces ?? [],
        kubernetesMetrics: props.kubernetesMetricsAccess,
      });
    }

    const ports: { [name: string]: number } = { web: WEB_PORT, ...(props.thanos ? { grpc: THANOS_GRPC_PORT } : {}) };
    const exposure: PrometheusExposure = {
      name: `prometheus-${this.name}`,
      namespace: this.namespace,
      podLabels: this.podSelectorLabels,
      labels: { 'app.kubernetes.io/name': 'prometheus', 'app.kubernetes.io/instance': this.name },
      ports,
    };
    this.serviceName = exposure.name;
    this.service = prometheusService(this, 'Service', exposure);
    if ((props.replicas ?? 1) > 1 && props.podDisruptionBudget !== false) {
      this.podDisruptionBudget = prometheusPodDisruptionBudget(this, 'PodDisruptionBudget', exposure);
    }
    if (props.allowFrom !== undefined) {
      this.networkPolicy = prometheusNetworkPolicy(this, 'NetworkPolicy', exposure, props.allowFrom);
    }
  }

  /**
   * The labels an object of `kind` must carry for this Prometheus to select it. Throws (naming
   * the selector field) when this Prometheus selects no objects of that kind.
   */
  public selectionLabels(kind: SelectableKind): { [key: string]: string } {
    return labelsToBeSelected(this, kind, this.selections.get(kind)!);
  }

  /**
   * Creates a ServiceMonitor (child `id`) labelled so that this Prometheus selects it, in this
   * Prometheus's namespace unless `metadata.namespace` says otherwise.
   */
  public addMonitor(id: string, props: ServiceMonitorProps): ServiceMonitor {
    return new ServiceMonitor(this, this.childId(id, props.prometheus), this.attached(props));
  }

  /** Creates a PodMonitor (child `id`) labelled so that this Prometheus selects it. */
  public addPodMonitor(id: string, props: PodMonitorProps): PodMonitor {
    return new PodMonitor(this, this.childId(id, props.prometheus), this.attached(props));
  }

  /** Creates a Probe (child `id`) labelled so that this Prometheus selects it. */
  public addProbe(id: string, props: ProbeProps): Probe {
    return new Probe(this, this.childId(id, props.prometheus), this.attached(props));
  }

  /**
   * Creates an AlertRuleGroup (child `id`, a PrometheusRule) labelled so that this Prometheus's
   * ruleSelector picks it up, in this Prometheus's namespace unless `metadata.namespace` says otherwise.
   */
  public addRuleGroup(id: string, options: AlertRuleGroupOptions = {}): AlertRuleGroup {
    return new AlertRuleGroup(this, this.childId(id, undefined), this.attached(options));
  }

  /** Sends alerts to this Alertmanager too (`spec.alerting.alertmanagers`, API v2). */
  public addAlertmanager(endpoint: IAlertmanagerEndpoint): void {
    const field = `alerting[${this.alertmanagers.length}]`;
    validateObjectName(this, `${field}.namespace`, endpoint.namespace, 63, 'it is a Kubernetes namespace');
    validateObjectName(this, `${field}.serviceName`, endpoint.serviceName, 63, 'it is a Service name');
    validatePortName(this, `${field}.portName`, endpoint.portName);
    if (this.alertmanagers.some((am) => am.namespace === endpoint.namespace && am.serviceName === endpoint.serviceName)) {
      fail(this, field, `Alertmanager Service ${endpoint.namespace}/${endpoint.serviceName} is already in the alerting list. Add each Alertmanager once.`);
    }
    this.alertmanagers.push(endpoint);
  }

  /**
   * The prometheus.yaml prometheus-operator generates for this Prometheus, rendered from the app's
   * objects as they are now (see `RenderedConfigs`): call it once the app is complete.
   * @param options how the cluster's operator runs
   */
  public renderedConfig(options: RenderedConfigsOptions = {}): RenderedConfig {
    return RenderedConfigs.of(this, options).forPrometheus(this);
  }

  private childId(id: string, prometheus: ISelectingPrometheus | undefined): string {
    if (prometheus !== undefined && prometheus !== this) {
      fail(this, `${id}.prometheus`, `the object is created for ${this.prometheusKey} but names ${prometheus.prometheusKey}. Leave prometheus unset when using the add methods.`);
    }
    if (this.node.tryFindChild(id)) {
      fail(this, id, `a child with id "${id}" already exists. Use another id.`);
    }
    return id;
  }

  private attached<T extends { readonly metadata?: ApiObjectMetadata }>(props: T): T & { prometheus: ISelectingPrometheus } {
    return { ...props, metadata: { namespace: this.namespace, ...(props.metadata ?? {}) }, prometheus: this };
  }

  private renderSpec(props: PrometheusProps): monitoring.PrometheusSpec {
    const replicas = checkCount(this, 'replicas', props.replicas ?? 1, 0);
    const shards = checkCount(this, 'shards', props.shards ?? 1, 1);
    const storage = props.storage ?? PrometheusStorage.persistentVolumeClaim();
    const resources = renderResources(this, 'resources', props.resources ?? {
      cpu: { request: kplus.Cpu.millis(100) },
      memory: { request: Size.mebibytes(400) },
    });
    const scrapeInterval = toPositivePrometheusDuration(this, 'scrapeInterval', props.scrapeInterval ?? Duration.seconds(30));
    if (props.scrapeTimeout && props.scrapeTimeout.toMilliseconds() > (props.scrapeInterval ?? Duration.seconds(30)).toMilliseconds()) {
      fail(this, 'scrapeTimeout', `${toPrometheusDuration(this, 'scrapeTimeout', props.scrapeTimeout)} is longer than the scrape interval (${scrapeInterval}). Use a timeout no longer than scrapeInterval.`);
    }
    const defaultNamespaceSelectors = new Map<SelectableKind, LabelSelectorJson | undefined>();
    const spec: monitoring.PrometheusSpec = {
      version: this.version,
      image: props.image ?? `${PROMETHEUS_IMAGE_REPOSITORY}:${this.version}`,
      replicas,
      ...(shards > 1 ? { shards } : {}),
      serviceAccountName: this.serviceAccountName,
      securityContext: restrictedSecurityContext(this, 'securityContext', props.securityContext),
      resources: {
        ...(resources.requests ? { requests: mapValues(resources.requests, monitoring.PrometheusSpecResourcesRequests.fromString) } : {}),
        ...(resources.limits ? { limits: mapValues(resources.limits, monitoring.PrometheusSpecResourcesLimits.fromString) } : {}),
      },
      storage: storage._toSpec(this, 'storage'),
      ...(props.retention ? { retention: toPositivePrometheusDuration(this, 'retention', props.retention) } : {}),
      ...this.renderRetentionSize(props.retentionSize, storage),
      ...(props.externalLabels ? { externalLabels: this.renderExternalLabels(props.externalLabels) } : {}),
      scrapeInterval,
      ...(props.scrapeTimeout ? { scrapeTimeout: toPositivePrometheusDuration(this, 'scrapeTimeout', props.scrapeTimeout) } : {}),
      evaluationInterval: toPositivePrometheusDuration(this, 'evaluationInterval', props.evaluationInterval ?? Duration.seconds(30)),
      ...(props.scrapeClasses && props.scrapeClasses.length > 0 ? { scrapeClasses: renderScrapeClasses(this, props.scrapeClasses) } : {}),
      ...(props.remoteWrite && props.remoteWrite.length > 0 ? { remoteWrite: renderRemoteWrite(this, this.namespace, props.remoteWrite) } : {}),
      ...(props.thanos ? { thanos: renderThanos(this, this.namespace, props.thanos) } : {}),
      ...this.renderSelectors(defaultNamespaceSelectors),
      alerting: Lazy.any({ produce: () => this.renderAlerting() }),
    };
    if (defaultNamespaceSelectors.size === 0) {
      return spec;
    }
    // The namespace selectors left to the app are worked out together, from one reading of the
    // app, each time the Prometheus is rendered.
    const withDefaults = Lazy.any({ produce: () => ({ ...spec, ...this.renderDefaultNamespaceSelectors(defaultNamespaceSelectors) }) });
    return withDefaults as unknown as monitoring.PrometheusSpec;
  }

  /** The selectors, and the namespace selectors set explicitly; records the label selectors of the kinds whose namespaces are left to the app. */
  private renderSelectors(defaults: Map<SelectableKind, LabelSelectorJson | undefined>): { [field: string]: any } {
    const out: { [field: string]: any } = {};
    for (const [kind, selection] of this.selections) {
      const fields = SELECTOR_FIELDS[kind];
      const selector = selection.selector._toJson(this, fields.selector);
      out[fields.selector] = selector;
      if (selection.namespaceSelector) {
        out[fields.namespaceSelector] = selection.namespaceSelector._toJson(this, fields.namespaceSelector);
      } else {
        defaults.set(kind, selector);
      }
    }
    return out;
  }

  /** The namespace selectors left to the app: the namespaces of the objects each label selector matches. */
  private renderDefaultNamespaceSelectors(defaults: Map<SelectableKind, LabelSelectorJson | undefined>): { [field: string]: any } {
    return AppObjects.current(this).use(() => {
      const out: { [field: string]: any } = {};
      for (const [kind, selector] of defaults) {
        out[SELECTOR_FIELDS[kind].namespaceSelector] = namespacesOfSelectedObjects(this, this.namespace, kind, selector);
      }
      return out;
    });
  }

  private renderAlerting(): monitoring.PrometheusSpecAlerting | undefined {
    if (this.alertmanagers.length === 0) {
      return undefined;
    }
    return {
      alertmanagers: this.alertmanagers.map((am) => ({
        namespace: am.namespace,
        name: am.serviceName,
        port: monitoring.PrometheusSpecAlertingAlertmanagersPort.fromString(am.portName),
        apiVersion: monitoring.PrometheusSpecAlertingAlertmanagersApiVersion.V2,
      })),
    };
  }

  private renderRetentionSize(retentionSize: Size | undefined, storage: PrometheusStorage): { retentionSize?: string } {
    const volume = storage.volumeSize;
    if (retentionSize === undefined) {
      return volume ? { retentionSize: formatByteSize(defaultRetentionSize(volume)) } : {};
    }
    const kib = (s: Size) => s.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
    if (kib(retentionSize) <= 0) {
      fail(this, 'retentionSize', 'a zero size is not allowed. Use a positive size, or leave retentionSize out for no size bound.');
    }
    if (volume && kib(retentionSize) > kib(volume)) {
      fail(this, 'retentionSize', `${formatByteSize(retentionSize)} is larger than the volume (${volume.asString()}), so the disk would fill up first. Use at most the volume size (85% leaves room for the WAL).`);
    }
    return { retentionSize: formatByteSize(retentionSize) };
  }

  private renderExternalLabels(labels: { [name: string]: string }): { [name: string]: string } {
    for (const [name, value] of Object.entries(labels)) {
      validatePrometheusLabelName(this, `externalLabels.${name}`, name);
      if (name === 'prometheus' || name === 'prometheus_replica') {
        fail(this, `externalLabels.${name}`, `the operator sets the "${name}" external label itself and would override this value. Use another label name.`);
      }
      if (typeof value !== 'string' || value === '') {
        fail(this, `externalLabels.${name}`, 'an external label needs a non-empty value. Give the label a value or leave it out.');
      }
    }
    return { ...labels };
  }
}

function defaultName(scope: Construct, id: string): string {
  const lower = id.toLowerCase();
  return isDns1123Label(lower, 33) ? lower : Names.toDnsLabel(scope, { maxLen: 33 });
}

function validateObjectName(scope: Construct, field: string, name: string, maxLength: number, why: string): void {
  if (!isDns1123Label(name, maxLength)) {
    fail(scope, field, `"${name}" is not allowed: ${why}. Use at most ${maxLength} lowercase letters, digits or '-', starting and ending with a letter or digit.`);
  }
}

function checkCount(scope: Construct, field: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    fail(scope, field, `${value} is not allowed. Use a whole number of at least ${min}.`);
  }
  return value;
}

function mapValues<T>(values: { [k: string]: string }, f: (v: string) => T): { [k: string]: T } {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, f(v)]));
}
