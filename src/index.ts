export * as monitoring from './imports/monitoring.coreos.com';
export * from './common/selector';
export * from './common/namespace-selector';
export * from './common/selecting';
