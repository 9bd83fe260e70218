export * as monitoring from './imports/monitoring.coreos.com';
