// Re-exports of the monitors constructs (each construct's file adds its line here).
export { RelabelAction } from './relabel';
export type { RelabelConfig } from './relabel';
export { TlsVersion } from './http-auth';
export type { SafeTlsConfig, BasicAuth, SafeAuthorization, HttpAuthOptions } from './http-auth';
export { ScrapeScheme } from './endpoint';
export type { ScrapeTimingOptions, ScrapeEndpointOptions } from './endpoint';
export type { ScrapeObjectProps, KubernetesMonitorProps } from './scrape-object';
export { ScrapeProtocol } from './scrape-protocol';
export { ServiceMonitor, ServiceDiscoveryRole } from './service-monitor';
export type { ServiceMonitorProps, ServiceMonitorEndpoint } from './service-monitor';
export { PodMonitor } from './pod-monitor';
export type { PodMonitorProps, PodMetricsEndpoint } from './pod-monitor';
export { Probe } from './probe';
export type { ProbeProps, ProberEndpoint } from './probe';
export { ProbeTargets } from './probe-targets';
export type { StaticProbeTargetsOptions, IngressProbeTargetsOptions } from './probe-targets';
