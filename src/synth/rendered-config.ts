/**
 * The prometheus.yaml that prometheus-operator generates for one Prometheus (or PrometheusAgent)
 * of an app, rendered at synth time.
 */
export interface RenderedConfig {
  /** `Prometheus` or `PrometheusAgent`. */
  readonly kind: string;
  /** Namespace of the Prometheus. */
  readonly namespace: string;
  /** Name of the Prometheus. */
  readonly name: string;
  /** `namespace/name` of the Prometheus. */
  readonly key: string;
  /**
   * Construct path of the Prometheus's ApiObject.
   * @default - the object was not found among the app's ApiObjects
   */
  readonly constructPath?: string;
  /**
   * The configuration exactly as the operator writes it: the text of `prometheus.yaml`, keys in
   * the operator's order, so that it diffs cleanly against the one in the cluster.
   */
  readonly yaml: string;
  /** The same configuration as data (for assertions in tests). */
  readonly config: { [key: string]: any };
  /**
   * The Secret the operator writes the configuration to, in the Prometheus's namespace (key
   * `prometheus.yaml.gz`): `prometheus-<name>`, or `prom-agent-<name>` for a PrometheusAgent.
   */
  readonly secretName: string;
  /**
   * Where synth writes the configuration, relative to the app's output directory:
   * `prometheus-config/<namespace>/<secretName>.yaml`.
   */
  readonly fileName: string;
  /**
   * What the Prometheus picks up and renders, as `Kind namespace/name`: its ServiceMonitors,
   * PodMonitors, Probes, ScrapeConfigs and PrometheusRules, in that order.
   */
  readonly selected: string[];
  /**
   * What the operator would log about this Prometheus: rejected objects and why, fields it drops.
   * Empty when it takes everything it selects.
   */
  readonly warnings: string[];
}
