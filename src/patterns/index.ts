// Re-exports of the patterns constructs (each construct's file adds its line here).
export { MonitoredApp, MonitorKind } from './monitored-app';
export type { MonitoredAppProps } from './monitored-app';
export * from './prometheus-stack';
