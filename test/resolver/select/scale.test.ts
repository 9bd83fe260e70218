import { namespace, prometheus, serviceMonitor } from './fixtures';
import { selectAll } from '../../../src/resolver/select';
import { KubeObject } from '../../../src/resolver/types';

test('selection over 5,000 ServiceMonitors in 200 namespaces for 20 Prometheuses stays fast', () => {
  const objects: KubeObject[] = [];
  for (let p = 0; p < 20; p++) {
    objects.push(prometheus({ serviceMonitorSelector: { matchLabels: { team: `t${p}` } }, serviceMonitorNamespaceSelector: {} }, { name: `p${p}` }));
  }
  for (let n = 0; n < 200; n++) {
    objects.push(namespace(`ns${n}`));
    for (let m = 0; m < 25; m++) objects.push(serviceMonitor({ name: `sm${m}`, namespace: `ns${n}`, labels: { team: `t${m % 20}` } }));
  }
  const start = process.hrtime.bigint();
  const selections = selectAll(objects);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  expect(selections.map((s) => s.selected.serviceMonitors.length).reduce((a, b) => a + b, 0)).toBe(5000);
  expect(ms).toBeLessThan(3000);
});
