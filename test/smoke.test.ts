import { monitoring } from '../src';

test('the generated CRD types are exported', () => {
  expect(typeof monitoring.ServiceMonitor).toBe('function');
  expect(monitoring.ServiceMonitor.GVK.kind).toBe('ServiceMonitor');
});
