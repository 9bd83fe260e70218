// Re-exports of the prometheus constructs (each construct's file adds its line here).
export { Prometheus } from './prometheus';
export type { PrometheusProps } from './prometheus';
export { PrometheusStorage } from './storage';
export type { PersistentVolumeClaimStorageOptions, EmptyDirStorageOptions } from './storage';
export type { RemoteWriteOptions, RemoteWriteBasicAuth, RemoteWriteOAuth2, RemoteWriteTls, RemoteWriteQueue } from './remote-write';
export type { ThanosSidecarOptions } from './thanos';
export type { ScrapeClass, ScrapeClassTls } from './scrape-class';
export type { PrometheusSecurityContext } from './security';
