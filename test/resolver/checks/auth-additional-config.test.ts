import { baselineApp, messages, modify } from './fixtures';

const ID = 'AUTH-ADDITIONAL-CONFIG';
const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'extra', namespace: 'monitoring' }, stringData: { 'prometheus-additional.yaml': 'job_name: x' } };

function withRef(key: string, name = 'extra') {
  return [...modify(baselineApp(), 'Prometheus', 'k8s', (p) => { p.spec.additionalScrapeConfigs = { name, key }; }), secret];
}

describe(ID, () => {
  test('a missing key', () => {
    expect(messages(withRef('additional.yaml'), ID)).toEqual([
      '[AUTH-ADDITIONAL-CONFIG] ERROR Prometheus monitoring/k8s spec.additionalScrapeConfigs: Secret monitoring/extra has no key '
      + '"additional.yaml" (keys: [prometheus-additional.yaml]). The operator will not reconcile this Prometheus at all. Fix: store a YAML '
      + 'list of Prometheus scrape_configs entries under the referenced key.',
    ]);
  });

  test('a mapping instead of a list', () => {
    expect(messages(withRef('prometheus-additional.yaml'), ID)).toEqual([
      '[AUTH-ADDITIONAL-CONFIG] ERROR Prometheus monitoring/k8s spec.additionalScrapeConfigs: key "prometheus-additional.yaml" of Secret '
      + 'monitoring/extra is not a YAML list of scrape configs. The operator will not reconcile this Prometheus at all. Fix: store a YAML '
      + 'list of Prometheus scrape_configs entries under the referenced key.',
    ]);
  });

  test('a Secret outside the app: WARN', () => {
    expect(messages(withRef('a.yaml', 'elsewhere'), ID)).toEqual([
      '[AUTH-ADDITIONAL-CONFIG] WARN Prometheus monitoring/k8s spec.additionalScrapeConfigs: cannot verify: Secret monitoring/elsewhere is '
      + 'not in the app. If it does not exist in the cluster, the operator will not reconcile this Prometheus. Fix: define the Secret in the '
      + 'app, or acknowledge this finding if it is created elsewhere.',
    ]);
  });
});
