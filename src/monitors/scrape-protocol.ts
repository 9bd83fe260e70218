/** Exposition formats Prometheus can negotiate when scraping (Prometheus >= 2.49). */
export enum ScrapeProtocol {
  /** Protobuf (needed for native histograms). */
  PROMETHEUS_PROTO = 'PrometheusProto',
  /** OpenMetrics text 0.0.1. */
  OPEN_METRICS_TEXT_0_0_1 = 'OpenMetricsText0.0.1',
  /** OpenMetrics text 1.0.0. */
  OPEN_METRICS_TEXT_1_0_0 = 'OpenMetricsText1.0.0',
  /** Prometheus text 0.0.4. */
  PROMETHEUS_TEXT_0_0_4 = 'PrometheusText0.0.4',
  /** Prometheus text 1.0.0 (Prometheus >= 3.0). */
  PROMETHEUS_TEXT_1_0_0 = 'PrometheusText1.0.0',
}
