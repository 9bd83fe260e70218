import { Chart, Duration, Testing } from 'cdk8s';
import { chart, manifestOf, secretKey, synthAndCheck } from './alerting-tools';
import { Alertmanager, AlertmanagerConfig, AlertmanagerConfigMatcherStrategy, Matcher, Notifier, OpsgenieResponderType } from '../../src/alerting';
import { NamespaceSelector } from '../../src/common/namespace-selector';
import { Selector } from '../../src/common/selector';
import { crdSchemaErrors } from '../support/crd-schema';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

function alertmanager(c: Chart, namespaces = NamespaceSelector.all()): Alertmanager {
  return new Alertmanager(c, 'Alertmanager', {
    metadata: { name: 'main', namespace: 'monitoring' },
    alertmanagerConfigSelector: Selector.matchLabels({ alertmanagerConfig: 'main' }),
    alertmanagerConfigNamespaceSelector: namespaces,
  });
}

describe('AlertmanagerConfig', () => {
  test('carries the labels the Alertmanager\'s alertmanagerConfigSelector needs, plus its own', () => {
    const c = chart('team-web');
    new AlertmanagerConfig(c, 'Routes', {
      alertmanager: alertmanager(c),
      metadata: { name: 'team-web', labels: { team: 'web' } },
      route: { receiver: 'web-oncall' },
      receivers: [{ name: 'web-oncall', notifiers: [Notifier.webhook({ url: 'https://hooks.example.com/web' })] }],
    });
    const amc = manifestOf(synthAndCheck(c), 'AlertmanagerConfig');
    expect(amc.apiVersion).toBe('monitoring.coreos.com/v1alpha1');
    expect(amc.metadata).toEqual({ name: 'team-web', namespace: 'team-web', labels: { alertmanagerConfig: 'main', team: 'web' } });
  });

  test('routes, matchers and inhibit rules in the CRD\'s form', () => {
    const c = chart('team-web');
    new AlertmanagerConfig(c, 'Routes', {
      alertmanager: alertmanager(c),
      route: {
        receiver: 'web',
        groupBy: ['alertname', 'service'],
        groupWait: Duration.seconds(10),
        groupInterval: Duration.minutes(2),
        repeatInterval: Duration.hours(4),
        matchers: [Matcher.equal('team', 'web')],
        routes: [{ receiver: 'web-pager', matchers: [Matcher.regex('severity', 'critical|page')], continue: true }],
      },
      receivers: [
        { name: 'web', notifiers: [Notifier.webhook({ url: 'https://hooks.example.com/web' })] },
        { name: 'web-pager', notifiers: [Notifier.pagerDuty({ routingKey: secretKey(c, 'web-pagerduty', 'routing-key') })] },
      ],
      inhibitRules: [{ sourceMatchers: [Matcher.equal('severity', 'critical')], targetMatchers: [Matcher.equal('severity', 'warning')], equal: ['service'] }],
    });
    const spec = manifestOf(synthAndCheck(c), 'AlertmanagerConfig').spec;
    expect(spec.route).toEqual({
      receiver: 'web',
      groupBy: ['alertname', 'service'],
      groupWait: '10s',
      groupInterval: '2m',
      repeatInterval: '4h',
      matchers: [{ name: 'team', value: 'web', matchType: '=' }],
      routes: [{ receiver: 'web-pager', matchers: [{ name: 'severity', value: 'critical|page', matchType: '=~' }], continue: true }],
    });
    expect(spec.inhibitRules).toEqual([{
      sourceMatch: [{ name: 'severity', value: 'critical', matchType: '=' }],
      targetMatch: [{ name: 'severity', value: 'warning', matchType: '=' }],
      equal: ['service'],
    }]);
  });

  test('credentials are Secret key selectors of the CRD, for every receiver type', () => {
    const c = chart('team-web');
    const key = (k: string) => secretKey(c, 'team-web-alerting', k);
    new AlertmanagerConfig(c, 'Routes', {
      route: { receiver: 'all' },
      receivers: [{
        name: 'all',
        notifiers: [
          Notifier.webhook({ urlSecret: key('hook-url'), bearerToken: key('hook-token'), sendResolved: true, maxAlerts: 10 }),
          Notifier.email({ to: 'web@example.com', from: 'am@example.com', smarthost: 'smtp.example.com:587', authUsername: 'am', authPassword: key('smtp'), requireTls: true, headers: { Subject: 'alert' } }),
          Notifier.slack({ apiUrl: key('slack'), channel: '#web', sendResolved: true }),
          Notifier.pagerDuty({ serviceKey: key('pd'), clientUrl: 'https://grafana.example.com', details: { env: 'prod' } }),
          Notifier.opsgenie({ apiKey: key('opsgenie'), apiUrl: 'https://api.eu.opsgenie.com/', priority: 'P1', responders: [{ type: OpsgenieResponderType.SCHEDULE, name: 'web-oncall' }] }),
        ],
      }],
    });
    const receiver = manifestOf(synthAndCheck(c), 'AlertmanagerConfig').spec.receivers[0];
    const ref = (k: string) => ({ name: 'team-web-alerting', key: k });
    expect(receiver).toEqual({
      name: 'all',
      webhookConfigs: [{ urlSecret: ref('hook-url'), sendResolved: true, maxAlerts: 10, httpConfig: { authorization: { type: 'Bearer', credentials: ref('hook-token') } } }],
      emailConfigs: [{
        to: 'web@example.com',
        from: 'am@example.com',
        smarthost: 'smtp.example.com:587',
        authUsername: 'am',
        authPassword: ref('smtp'),
        requireTLS: true,
        headers: [{ key: 'Subject', value: 'alert' }],
      }],
      slackConfigs: [{ apiURL: ref('slack'), channel: '#web', sendResolved: true }],
      pagerdutyConfigs: [{ serviceKey: ref('pd'), clientURL: 'https://grafana.example.com', details: [{ key: 'env', value: 'prod' }] }],
      opsgenieConfigs: [{ apiKey: ref('opsgenie'), apiURL: 'https://api.eu.opsgenie.com/', priority: 'P1', responders: [{ type: 'schedule', name: 'web-oncall' }] }],
    });
  });

  test('without an Alertmanager only its own labels are set', () => {
    const c = chart('apps');
    new AlertmanagerConfig(c, 'Routes', { metadata: { labels: { alertmanagerConfig: 'main' } }, route: { receiver: 'null' }, receivers: [{ name: 'null' }] });
    expect(manifestOf(synthAndCheck(c), 'AlertmanagerConfig').metadata.labels).toEqual({ alertmanagerConfig: 'main' });
  });

  test('a namespace matcher is allowed when the Alertmanager adds none', () => {
    const c = chart('monitoring');
    const am = new Alertmanager(c, 'Alertmanager', {
      alertmanagerConfigSelector: Selector.all(),
      alertmanagerConfigMatcherStrategy: AlertmanagerConfigMatcherStrategy.NONE,
    });
    new AlertmanagerConfig(c, 'Global', { alertmanager: am, route: { receiver: 'r', matchers: [Matcher.regex('namespace', 'web|db')] }, receivers: [{ name: 'r' }] });
    expect(manifestOf(synthAndCheck(c), 'AlertmanagerConfig').spec.route.matchers).toEqual([{ name: 'namespace', value: 'web|db', matchType: '=~' }]);
  });

  test('the CRD schema check used here rejects what the AlertmanagerConfig schema forbids', () => {
    const bad = {
      apiVersion: 'monitoring.coreos.com/v1alpha1',
      kind: 'AlertmanagerConfig',
      metadata: { name: 'x' },
      spec: { route: { receiver: 'r', matchers: [{ name: 'a', matchType: '~=' }], groupWait: '30 seconds' }, receivers: [{ name: 'r', slackConfigs: [{ apiURL: {} }] }] },
    };
    const errors = crdSchemaErrors(bad);
    expect(errors.some((e) => e.includes('/spec/route/matchers/0/matchType'))).toBe(true);
    expect(errors.some((e) => e.includes('/spec/route/groupWait'))).toBe(true);
    expect(errors.some((e) => e.includes('/spec/receivers/0/slackConfigs/0/apiURL'))).toBe(true);
  });

  test('snapshot', () => {
    const c = new Chart(Testing.app(), 'test', { namespace: 'team-web' });
    new AlertmanagerConfig(c, 'Routes', {
      alertmanager: alertmanager(c, NamespaceSelector.names('monitoring', 'team-web')),
      metadata: { name: 'team-web' },
      route: { receiver: 'slack', groupBy: ['alertname'], routes: [{ receiver: 'null', matchers: [Matcher.equal('severity', 'info')] }] },
      receivers: [{ name: 'slack', notifiers: [Notifier.slack({ apiUrl: secretKey(c, 'slack-webhook', 'url'), channel: '#team-web' })] }, { name: 'null' }],
    });
    expect(synthAndCheck(c).filter((m) => m.kind === 'AlertmanagerConfig')).toMatchSnapshot();
  });
});
