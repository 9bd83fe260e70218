// The Prometheus project's PromQL grammar (a lezer LR parser). Its typings are ESM-only while the
// package also ships CommonJS, so it is loaded with require() and typed through an import type.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lezer = require('@prometheus-io/lezer-promql') as typeof import('@prometheus-io/lezer-promql', { with: { 'resolution-mode': 'import' } });

/** The PromQL parser of `@prometheus-io/lezer-promql`. */
export const promqlParser = lezer.parser;
