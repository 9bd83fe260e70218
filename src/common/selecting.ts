import { IConstruct } from 'constructs';

/** Kinds of objects a Prometheus selects by label. */
export enum SelectableKind {
  /** ServiceMonitor (serviceMonitorSelector). */
  SERVICE_MONITOR = 'ServiceMonitor',
  /** PodMonitor (podMonitorSelector). */
  POD_MONITOR = 'PodMonitor',
  /** Probe (probeSelector). */
  PROBE = 'Probe',
  /** ScrapeConfig (scrapeConfigSelector). */
  SCRAPE_CONFIG = 'ScrapeConfig',
  /** PrometheusRule (ruleSelector). */
  PROMETHEUS_RULE = 'PrometheusRule',
}

/**
 * A Prometheus (or anything standing for one) that selects monitors and rules by label.
 * Constructs that create such objects for it attach the labels it asks for.
 */
export interface ISelectingPrometheus extends IConstruct {
  /** Namespace of the Prometheus object. */
  readonly namespace: string;

  /** `namespace/name` of the Prometheus object. */
  readonly prometheusKey: string;

  /**
   * The labels an object of `kind` must carry to be selected by this Prometheus.
   * Throws (naming the field) when this Prometheus selects no objects of that kind.
   */
  selectionLabels(kind: SelectableKind): { [key: string]: string };
}
