import { ApiObject, Chart, Duration, Lazy, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  Prometheus, PrometheusProps, PrometheusStack, PrometheusStorage, RemoteWriteOptions, SelectableKind, Selector, SelectorOperator,
} from '../../src';
import { fail } from '../../src/common/errors';

/** Builds a Prometheus at path `test/p` and returns the message it throws. */
function errorOf(props: PrometheusProps, chart: Chart = Testing.chart()): string {
  try {
    new Prometheus(chart, 'p', { namespace: 'monitoring', ...props });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('no error thrown');
}

function remoteWriteError(rw: RemoteWriteOptions, chart: Chart = Testing.chart()): string {
  return errorOf({ remoteWrite: [rw] }, chart);
}

describe('Prometheus bad input: the message names the construct path and field and says what is allowed', () => {
  test.each<[string, PrometheusProps, string]>([
    ['unknown version', { version: 'latest' },
      'test/p: version: "latest" is not a Prometheus version. Use a release such as "v3.13.2" (major.minor.patch, optional leading "v").'],
    ['version older than the operator supports', { version: 'v2.30.0' },
      'test/p: version: Prometheus v2.30.0 is older than the oldest version prometheus-operator v0.93.0 supports. Use v2.45.0 or later (default v3.13.2).'],
    ['name not a DNS label', { name: 'Main_Prometheus' },
      'test/p: name: "Main_Prometheus" is not allowed: the operator derives StatefulSet, pod and label values from it. '
      + 'Use at most 33 lowercase letters, digits or \'-\', starting and ending with a letter or digit.'],
    ['negative replicas', { replicas: -1 }, 'test/p: replicas: -1 is not allowed. Use a whole number of at least 0.'],
    ['zero shards', { shards: 0 }, 'test/p: shards: 0 is not allowed. Use a whole number of at least 1.'],
    ['retention size above the volume', { retentionSize: Size.gibibytes(20), storage: PrometheusStorage.persistentVolumeClaim({ size: Size.gibibytes(10) }) },
      'test/p: retentionSize: 20GiB is larger than the volume (10Gi), so the disk would fill up first. Use at most the volume size (85% leaves room for the WAL).'],
    ['zero retention size', { retentionSize: Size.gibibytes(0) },
      'test/p: retentionSize: a zero size is not allowed. Use a positive size, or leave retentionSize out for no size bound.'],
    ['zero retention', { retention: Duration.seconds(0) },
      'test/p: retention: a zero duration is not allowed here. Use a positive duration such as Duration.seconds(30).'],
    ['scrape timeout above the interval', { scrapeInterval: Duration.seconds(15), scrapeTimeout: Duration.seconds(20) },
      'test/p: scrapeTimeout: 20s is longer than the scrape interval (15s). Use a timeout no longer than scrapeInterval.'],
    ['fractional evaluation interval', { evaluationInterval: Duration.millis(0.5) },
      'test/p: evaluationInterval: 0.5ms is not a valid Prometheus duration. Use a whole, non-negative number of milliseconds (e.g. Duration.seconds(30)).'],
    ['external label name with a dash', { externalLabels: { 'cluster-name': 'eu' } },
      'test/p: externalLabels.cluster-name: "cluster-name" is not a valid Prometheus label name. Use letters, digits and \'_\', not starting with a digit (matching [a-zA-Z_][a-zA-Z0-9_]*).'],
    ['external label the operator sets', { externalLabels: { prometheus_replica: 'a' } },
      'test/p: externalLabels.prometheus_replica: the operator sets the "prometheus_replica" external label itself and would override this value. Use another label name.'],
    ['empty external label value', { externalLabels: { cluster: '' } },
      'test/p: externalLabels.cluster: an external label needs a non-empty value. Give the label a value or leave it out.'],
    ['running as root', { securityContext: { runAsUser: 0 } },
      'test/p: securityContext.runAsUser: 0 is not allowed: Pod Security "restricted" forbids running as root. Use a non-zero user ID such as 1000.'],
    ['negative group', { securityContext: { fsGroup: -5 } },
      'test/p: securityContext.fsGroup: -5 is not a group ID. Use a whole number of at least 0 (2000 by default).'],
    ['tiny volume', { storage: PrometheusStorage.persistentVolumeClaim({ size: Size.kibibytes(10) }) },
      'test/p: storage.size: 10Ki is too small for a Prometheus volume. Use at least Size.mebibytes(1); a few GiB is typical.'],
    ['claim without access mode', { storage: PrometheusStorage.persistentVolumeClaim({ accessModes: [] }) },
      'test/p: storage.accessModes: no access mode given. Use at least one, usually PersistentVolumeAccessMode.READ_WRITE_ONCE.'],
    ['CPU request above limit', { resources: { cpu: { request: kplus.Cpu.units(2), limit: kplus.Cpu.millis(500) } } },
      'test/p: resources.cpu: the request (2) is above the limit (500m). Use a request no larger than the limit.'],
    ['two default scrape classes', { scrapeClasses: [{ name: 'a', isDefault: true }, { name: 'b', isDefault: true }] },
      'test/p: scrapeClasses[1].isDefault: "a" is already the default scrape class. Mark at most one scrape class as default.'],
    ['repeated scrape class name', { scrapeClasses: [{ name: 'tls' }, { name: 'tls' }] },
      'test/p: scrapeClasses[1].name: "tls" is already the name of another scrape class. Give each scrape class a unique name.'],
    ['scrape class client certificate without key', { scrapeClasses: [{ name: 'mtls', tls: { certFile: '/etc/tls/tls.crt' } }] },
      'test/p: scrapeClasses[0].tls: certFile is set without keyFile. A client certificate needs both.'],
    ['Thanos version', { thanos: { version: 'main' } },
      'test/p: thanos.version: "main" is not a Thanos version. Use a release such as "v0.42.4" (major.minor.patch, optional leading "v").'],
    ['RBAC namespace that is not a namespace name', { rbacNamespaces: ['apps', 'Legacy Apps'] },
      'test/p: rbacNamespaces[1]: "Legacy Apps" is not allowed: it is a Kubernetes namespace. Use at most 63 lowercase letters, digits or \'-\', starting and ending with a letter or digit.'],
    ['bad selector label key', { serviceMonitorSelector: Selector.matchLabels({ 'team name': 'a' }) },
      'test/p: serviceMonitorSelector.matchLabels.team name: "team name" is not a valid Kubernetes label key.'],
  ])('%s', (_, props, message) => {
    expect(errorOf(props)).toContain(message);
  });

  describe('remote write', () => {
    const chart = () => Testing.chart();
    test('not an http URL', () => {
      expect(remoteWriteError({ url: 'mimir:9009/push' }))
        .toBe('test/p: remoteWrite[0].url: "mimir:9009/push" is not an http or https URL. Use an absolute URL such as "https://metrics.example.com/api/v1/write".');
    });
    test('two kinds of credentials', () => {
      const c = chart();
      const s = kplus.Secret.fromSecretName(c, 's', 'creds');
      expect(remoteWriteError({ url: 'https://m/push', basicAuth: { username: { secret: s, key: 'u' }, password: { secret: s, key: 'p' } }, bearerToken: { secret: s, key: 't' } }, c))
        .toBe('test/p: remoteWrite[0]: basicAuth and bearerToken are both set. Use at most one of basicAuth, bearerToken and oauth2.');
    });
    test('repeated queue name', () => {
      expect(errorOf({ remoteWrite: [{ url: 'https://a/push', name: 'main' }, { url: 'https://b/push', name: 'main' }] }))
        .toBe('test/p: remoteWrite[1].name: "main" is already the name of another remote write endpoint. Give each endpoint a unique name.');
    });
    test('credentials in a header', () => {
      expect(remoteWriteError({ url: 'https://m/push', headers: { Authorization: 'Bearer abc' } }))
        .toBe('test/p: remoteWrite[0].headers.Authorization: Prometheus sets the Authorization header itself. Use bearerToken, basicAuth or oauth2 for credentials; other headers are allowed.');
    });
    test('client certificate without key', () => {
      const c = chart();
      const s = kplus.Secret.fromSecretName(c, 's', 'tls');
      expect(remoteWriteError({ url: 'https://m/push', tls: { cert: { secret: s, key: 'tls.crt' } } }, c))
        .toBe('test/p: remoteWrite[0].tls: cert is set without key. A client certificate needs both cert and key.');
    });
    test('Secret in another namespace', () => {
      const c = chart();
      const s = new kplus.Secret(c, 's', { metadata: { name: 'creds', namespace: 'apps' } });
      expect(remoteWriteError({ url: 'https://m/push', bearerToken: { secret: s, key: 'token' } }, c))
        .toBe('test/p: remoteWrite[0].bearerToken: Secret "creds" is in namespace "apps", but the operator reads Secrets only from "monitoring". Create the Secret in "monitoring".');
    });
    test('more min shards than max shards', () => {
      expect(remoteWriteError({ url: 'https://m/push', queue: { minShards: 10, maxShards: 5 } }))
        .toBe('test/p: remoteWrite[0].queue.minShards: 10 is more than maxShards (5). Use minShards <= maxShards.');
    });
  });

  describe('selection and attachments', () => {
    test('selectionLabels for a kind selected by nothing names the field', () => {
      const p = new Prometheus(Testing.chart(), 'p', { namespace: 'monitoring', probeSelector: Selector.none() });
      expect(() => p.selectionLabels(SelectableKind.PROBE))
        .toThrow('test/p: probeSelector: this Prometheus selects no Probe objects (Selector.none()). Set probeSelector to Selector.matchLabels({...}) or Selector.all() to select them.');
    });
    test('selectionLabels when no fixed label set satisfies the selector', () => {
      const p = new Prometheus(Testing.chart(), 'p', {
        namespace: 'monitoring',
        ruleSelector: Selector.of({ matchExpressions: [{ key: 'tier', operator: SelectorOperator.IN, values: ['a', 'b'] }] }),
      });
      expect(() => p.selectionLabels(SelectableKind.PROMETHEUS_RULE))
        .toThrow('test/p: ruleSelector: no fixed set of labels satisfies this selector, so objects cannot be labelled to be selected. '
          + 'Use matchLabels or In expressions with a single value, or label the objects yourself.');
    });
    test('the same Alertmanager twice', () => {
      const chart = Testing.chart();
      const p = new Prometheus(chart, 'p', { namespace: 'monitoring' });
      const am = Object.assign(new Chart(Testing.app(), 'am'), { namespace: 'monitoring', serviceName: 'alertmanager-main', portName: 'web' });
      p.addAlertmanager(am as any);
      expect(() => p.addAlertmanager(am as any))
        .toThrow('test/p: alerting[1]: Alertmanager Service monitoring/alertmanager-main is already in the alerting list. Add each Alertmanager once.');
    });
    test('an Alertmanager port that is not a port name', () => {
      const p = new Prometheus(Testing.chart(), 'p', { namespace: 'monitoring' });
      const am = Object.assign(new Chart(Testing.app(), 'am'), { namespace: 'monitoring', serviceName: 'alertmanager-main', portName: '9093' });
      expect(() => p.addAlertmanager(am as any)).toThrow('test/p: alerting[0].portName: "9093" is not a valid port name.');
    });
    test('addMonitor for another Prometheus', () => {
      const chart = Testing.chart();
      const p = new Prometheus(chart, 'p', { namespace: 'monitoring' });
      const other = new Prometheus(chart, 'other', { namespace: 'monitoring' });
      expect(() => p.addMonitor('sm', { prometheus: other, selector: Selector.all(), endpoints: [{ port: 'm' }] }))
        .toThrow('test/p: sm.prometheus: the object is created for monitoring/p but names monitoring/other. Leave prometheus unset when using the add methods.');
    });
    test('an object of the app that cannot be rendered is reported among the validation errors', () => {
      const chart = Testing.chart();
      new Prometheus(chart, 'p', { namespace: 'monitoring' });
      new ApiObject(chart, 'broken', {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'ServiceMonitor',
        metadata: { name: 'broken', namespace: 'monitoring' },
        spec: Lazy.any({ produce: () => fail(chart, 'spec.endpoints', 'no endpoint. Add one.') }),
      });
      expect(() => Testing.synth(chart)).toThrow("[test/p/Rbac] cannot compute the Prometheus's RBAC: Failed serializing construct at path 'test/broken' "
        + "with name 'broken': ValidationError: test: spec.endpoints: no endpoint. Add one.");
    });
    test('addRuleGroup with an id already taken', () => {
      const p = new Prometheus(Testing.chart(), 'p', { namespace: 'monitoring' });
      expect(() => p.addRuleGroup('Service')).toThrow('test/p: Service: a child with id "Service" already exists. Use another id.');
    });
  });

  describe('PrometheusStack', () => {
    test('a Prometheus namespace other than the stack\'s', () => {
      expect(() => new PrometheusStack(Testing.chart(), 's', { namespace: 'monitoring', prometheus: { namespace: 'other' } }))
        .toThrow('test/s: prometheus.namespace: "other" differs from the stack\'s namespace "monitoring". Leave it unset or set namespace on the stack.');
    });
    test('operator settings without installing the operator', () => {
      expect(() => new PrometheusStack(Testing.chart(), 's', { operator: { name: 'po' } }))
        .toThrow('test/s: operator: operator settings are given but installOperator is not true. Set installOperator: true, or leave operator out.');
    });
    test('Alertmanager settings with the Alertmanager turned off', () => {
      expect(() => new PrometheusStack(Testing.chart(), 's', { withAlertmanager: false, alertmanager: { replicas: 1 } }))
        .toThrow('test/s: alertmanager: Alertmanager settings are given but withAlertmanager is false. Remove one of them.');
    });
  });
});
