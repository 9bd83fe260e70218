import { baselineApp, messages, modify } from './fixtures';

const ID = 'SCRAPE-CLASS-UNKNOWN';

describe(ID, () => {
  test('a scrape class the Prometheus does not define', () => {
    const app = modify(modify(baselineApp(), 'Prometheus', 'k8s', (p) => { p.spec.scrapeClasses = [{ name: 'istio-mtls' }]; }),
      'ServiceMonitor', 'web', (m) => { m.spec.scrapeClass = 'istio'; });
    expect(messages(app, ID)).toEqual([
      '[SCRAPE-CLASS-UNKNOWN] ERROR ServiceMonitor apps/web spec.scrapeClass: "istio" is not a scrape class of the selecting Prometheus: '
      + 'Prometheus monitoring/k8s defines [istio-mtls]. The operator will reject this ServiceMonitor for that Prometheus. Fix: use one of '
      + 'the defined scrape classes, or add "istio" to spec.scrapeClasses of monitoring/k8s.',
    ]);
  });

  test('two default scrape classes', () => {
    const app = modify(baselineApp(), 'Prometheus', 'k8s', (p) => { p.spec.scrapeClasses = [{ name: 'a', default: true }, { name: 'b', default: true }]; });
    expect(messages(app, ID)).toEqual([
      '[SCRAPE-CLASS-UNKNOWN] ERROR Prometheus monitoring/k8s spec.scrapeClasses: 2 scrape classes are marked default (a, b). The operator '
      + 'will not reconcile this Prometheus (reason MultipleDefaultScrapeClasses). Fix: mark at most one scrape class default: true.',
    ]);
  });
});
