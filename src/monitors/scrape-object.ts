import { ApiObjectMetadata, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ScrapeProtocol } from './scrape-protocol';
import { fail } from '../common/errors';
import { isKubeLabelKey, validateKubeLabels } from '../common/labels';
import { MonitorNamespaceSelector, MonitorNamespaceSelectorJson } from '../common/namespace-selector';
import { validateWholeNumber } from '../common/numbers';
import { ISelectingPrometheus, SelectableKind } from '../common/selecting';
import { LabelSelectorJson, Selector } from '../common/selector';

/** Properties shared by ServiceMonitor, PodMonitor and Probe. */
export interface ScrapeObjectProps {
  /**
   * Name, namespace, labels and annotations of the object.
   * @default - a name generated from the construct path, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * The Prometheus that should select this object: the labels it selects on are added to
   * `metadata.labels`.
   * @default - no labels are added
   */
  readonly prometheus?: ISelectingPrometheus;
  /**
   * Per-scrape limit on accepted samples (0: no limit).
   * @default - the Prometheus's enforced limit, if any
   */
  readonly sampleLimit?: number;
  /**
   * Limit on the number of scraped targets (0: no limit).
   * @default - the Prometheus's enforced limit, if any
   */
  readonly targetLimit?: number;
  /**
   * Per-scrape limit on labels per sample (Prometheus >= 2.27).
   * @default - no limit
   */
  readonly labelLimit?: number;
  /**
   * Per-scrape limit on label name length (Prometheus >= 2.27).
   * @default - no limit
   */
  readonly labelNameLengthLimit?: number;
  /**
   * Per-scrape limit on label value length (Prometheus >= 2.27).
   * @default - no limit
   */
  readonly labelValueLengthLimit?: number;
  /**
   * How many targets dropped by relabeling are kept for display (Prometheus >= 2.47; 0: all).
   * @default - the Prometheus's setting
   */
  readonly keepDroppedTargets?: number;
  /**
   * Name of a scrape class defined on the Prometheus.
   * @default - the Prometheus's default scrape class, if any
   */
  readonly scrapeClass?: string;
  /**
   * Exposition formats to negotiate, most preferred first (Prometheus >= 2.49).
   * @default - the Prometheus's setting
   */
  readonly scrapeProtocols?: ScrapeProtocol[];
  /**
   * Format assumed when a target sends a missing or unparsable Content-Type (Prometheus >= 3.0).
   * @default - the scrape fails on such responses
   */
  readonly fallbackScrapeProtocol?: ScrapeProtocol;
}

/** Properties shared by ServiceMonitor and PodMonitor, which discover targets in Kubernetes. */
export interface KubernetesMonitorProps extends ScrapeObjectProps {
  /**
   * Which objects (Services for a ServiceMonitor, Pods for a PodMonitor) to scrape, by label.
   * `Selector.all()` selects every object in the selected namespaces; `Selector.none()` is not allowed.
   */
  readonly selector: Selector;
  /**
   * Namespaces to look for targets in.
   * @default MonitorNamespaceSelector.own() - the monitor's own namespace
   */
  readonly namespaceSelector?: MonitorNamespaceSelector;
  /**
   * Label of the Service (or Pod) whose value becomes the `job` label.
   * @default - the Service name (ServiceMonitor) or `<namespace>/<name>` of the monitor (PodMonitor)
   */
  readonly jobLabel?: string;
  /**
   * Pod labels copied onto the scraped metrics.
   * @default - none
   */
  readonly podTargetLabels?: string[];
  /**
   * Attach the node's metadata (`__meta_kubernetes_node_*`) to targets (Prometheus >= 2.37;
   * the Prometheus needs RBAC to read Nodes).
   * @default false
   */
  readonly attachNodeMetadata?: boolean;
}

/** The JSON of the fields `ScrapeObjectProps` renders into the spec. */
export interface ScrapeLimitsJson {
  /** Sample limit. */
  readonly sampleLimit?: number;
  /** Target limit. */
  readonly targetLimit?: number;
  /** Label limit. */
  readonly labelLimit?: number;
  /** Label name length limit. */
  readonly labelNameLengthLimit?: number;
  /** Label value length limit. */
  readonly labelValueLengthLimit?: number;
  /** Dropped targets kept. */
  readonly keepDroppedTargets?: number;
  /** Scrape class name. */
  readonly scrapeClass?: string;
  /** Negotiated formats. */
  readonly scrapeProtocols?: string[];
  /** Fallback format. */
  readonly fallbackScrapeProtocol?: string;
}

/** The JSON of the fields `KubernetesMonitorProps` renders into the spec. */
export interface KubernetesMonitorJson extends ScrapeLimitsJson {
  /** Target selector. */
  readonly selector: LabelSelectorJson;
  /** Namespace selector. */
  readonly namespaceSelector?: MonitorNamespaceSelectorJson;
  /** Job label. */
  readonly jobLabel?: string;
  /** Pod labels copied to metrics. */
  readonly podTargetLabels?: string[];
  /** Node metadata. */
  readonly attachMetadata?: { node: boolean };
}

/** The namespace an object of `scope` lands in: its metadata's, else its chart's. */
export function namespaceOf(scope: IConstruct, metadata: ApiObjectMetadata | undefined): string | undefined {
  return metadata?.namespace ?? Chart.of(scope).namespace;
}

/**
 * Validates the labels and adds those the selecting Prometheus needs for `kind`. A label the user
 * set to another value than the Prometheus selects on is an error: the object would not be selected.
 */
export function renderMetadata(
  scope: IConstruct, kind: SelectableKind, metadata: ApiObjectMetadata | undefined, prometheus?: ISelectingPrometheus,
): ApiObjectMetadata {
  validateKubeLabels(scope, 'metadata.labels', metadata?.labels);
  const required = prometheus ? prometheus.selectionLabels(kind) : {};
  const own = metadata?.labels ?? {};
  for (const [key, value] of Object.entries(required)) {
    if (key in own && own[key] !== value) {
      fail(scope, `metadata.labels.${key}`, `"${own[key]}" differs from "${value}", which Prometheus ${prometheus!.prometheusKey} selects ${kind}s by. Remove the label or set it to "${value}".`);
    }
  }
  const labels = { ...required, ...own };
  return { ...(metadata ?? {}), ...(Object.keys(labels).length > 0 ? { labels } : {}) };
}

/** Validates and renders the limits and scrape class. */
export function renderScrapeLimits(scope: IConstruct, props: ScrapeObjectProps): ScrapeLimitsJson {
  const limits: Array<keyof ScrapeLimitsJson> = ['sampleLimit', 'targetLimit', 'labelLimit', 'labelNameLengthLimit', 'labelValueLengthLimit', 'keepDroppedTargets'];
  const out: { [key: string]: number | string | string[] } = {};
  for (const field of limits) {
    const value = props[field] as number | undefined;
    validateWholeNumber(scope, field, value);
    if (value !== undefined) {
      out[field] = value;
    }
  }
  if (props.scrapeClass !== undefined) {
    if (props.scrapeClass === '') {
      fail(scope, 'scrapeClass', 'the scrape class name is empty. Use the name of a scrape class defined on the Prometheus, or leave it unset.');
    }
    out.scrapeClass = props.scrapeClass;
  }
  const protocols = props.scrapeProtocols ?? [];
  const repeated = protocols.find((p, i) => protocols.indexOf(p) !== i);
  if (repeated) {
    fail(scope, 'scrapeProtocols', `${repeated} is listed twice. List each protocol once, most preferred first.`);
  }
  if (protocols.length > 0) {
    out.scrapeProtocols = [...protocols];
  }
  if (props.fallbackScrapeProtocol) {
    out.fallbackScrapeProtocol = props.fallbackScrapeProtocol;
  }
  return out;
}

/** Validates and renders the selector, namespaces, job label and pod target labels of a monitor. */
export function renderKubernetesMonitor(scope: IConstruct, props: KubernetesMonitorProps, targets: string): KubernetesMonitorJson {
  if (props.selector.selectsNothing) {
    fail(scope, 'selector', `Selector.none() is not allowed for a monitor. Use Selector.matchLabels({...}) for the ${targets} to scrape, or Selector.all() for every one in the selected namespaces.`);
  }
  const selector = props.selector._toJson(scope, 'selector')!;
  const namespaceSelector = (props.namespaceSelector ?? MonitorNamespaceSelector.own())._toJson(scope, 'namespaceSelector');
  if (props.jobLabel !== undefined) {
    validateKubeLabelKey(scope, 'jobLabel', props.jobLabel);
  }
  (props.podTargetLabels ?? []).forEach((label, i) => validateKubeLabelKey(scope, `podTargetLabels[${i}]`, label));
  return {
    selector,
    ...(namespaceSelector ? { namespaceSelector } : {}),
    ...(props.jobLabel !== undefined ? { jobLabel: props.jobLabel } : {}),
    ...(props.podTargetLabels && props.podTargetLabels.length > 0 ? { podTargetLabels: [...props.podTargetLabels] } : {}),
    ...(props.attachNodeMetadata !== undefined ? { attachMetadata: { node: props.attachNodeMetadata } } : {}),
    ...renderScrapeLimits(scope, props),
  };
}

/** Validates a Kubernetes label key named in a monitor (jobLabel, targetLabels, podTargetLabels). */
export function validateKubeLabelKey(scope: IConstruct, field: string, key: string): void {
  if (!isKubeLabelKey(key)) {
    fail(scope, field, `"${key}" is not a valid Kubernetes label key. Use an optional DNS prefix and "/", then at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric.`);
  }
}
