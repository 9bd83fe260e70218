export * from './checks';
export * from './finding';
export { FindingSeverity } from '../resolver/checks/finding';
