import { Testing } from 'cdk8s';
import { RelabelAction, RelabelConfig, Selector, ServiceMonitor } from '../../src';
import { expectValidAgainstCrds } from '../support/crd-schema';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

function renderRelabelings(relabelings: RelabelConfig[]): any[] {
  const chart = Testing.chart();
  new ServiceMonitor(chart, 'sm', { selector: Selector.all(), endpoints: [{ port: 'metrics', relabelings }] });
  const objects = Testing.synth(chart);
  expectValidAgainstCrds(objects);
  return objects[0].spec.endpoints[0].relabelings;
}

describe('RelabelConfig', () => {
  test('replace is the default action and is written out', () => {
    expect(renderRelabelings([{ sourceLabels: ['__meta_kubernetes_namespace'], targetLabel: 'namespace' }]))
      .toEqual([{ action: 'replace', sourceLabels: ['__meta_kubernetes_namespace'], targetLabel: 'namespace' }]);
  });

  test('every action the operator accepts renders as given', () => {
    const configs: RelabelConfig[] = [
      { action: RelabelAction.REPLACE, sourceLabels: ['a', 'b'], separator: '/', regex: '(.+)/(.+)', targetLabel: '${1}_$2', replacement: '$2' },
      { action: RelabelAction.KEEP, sourceLabels: ['__meta_kubernetes_service_label_app'], regex: 'web|api' },
      { action: RelabelAction.DROP, sourceLabels: ['__meta_kubernetes_pod_phase'], regex: 'Pending' },
      { action: RelabelAction.HASHMOD, sourceLabels: ['__address__'], targetLabel: '__tmp_shard', modulus: 3 },
      { action: RelabelAction.LABELMAP, regex: '__meta_kubernetes_pod_label_(.+)' },
      { action: RelabelAction.LABELDROP, regex: 'id|uid' },
      { action: RelabelAction.LABELKEEP, regex: '__.*|job|instance' },
      { action: RelabelAction.LOWERCASE, sourceLabels: ['Team'], targetLabel: 'team' },
      { action: RelabelAction.UPPERCASE, sourceLabels: ['env'], targetLabel: 'ENV' },
      { action: RelabelAction.KEEP_EQUAL, sourceLabels: ['__meta_kubernetes_pod_container_port_number'], targetLabel: '__tmp_port', regex: '(.*)' },
      { action: RelabelAction.DROP_EQUAL, sourceLabels: ['a'], targetLabel: 'b', replacement: '$1' },
    ];
    expect(renderRelabelings(configs).map((c) => c.action)).toEqual(
      ['replace', 'keep', 'drop', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase', 'keepequal', 'dropequal']);
  });

  test('regexes are checked as Prometheus anchors them: a lone ")(" pair is valid there', () => {
    expect(renderRelabelings([{ action: RelabelAction.KEEP, sourceLabels: ['a'], regex: 'x)|(y' }])[0].regex).toBe('x)|(y');
  });
});
