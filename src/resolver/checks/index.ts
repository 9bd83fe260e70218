/**
 * Synth-time checks over plain Kubernetes objects: `runChecks(objects)` returns findings with an
 * ID, a severity and a one-line message (`formatFinding`).
 */

export type { Check } from './check';
export type { RunChecksOptions, FindingDetails } from './context';
export { CheckContext, describeObject } from './context';
export type { Finding } from './finding';
export { FindingSeverity, formatFinding, compareFindings, describeSource } from './finding';
export { CHECKS, findCheck } from './registry';
export { runChecks } from './run';
