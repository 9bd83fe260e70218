import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { parse } from 'yaml';
import { chart, expectAmtoolAccepts, manifestOf, secretKey, synthAndCheck } from './alerting-tools';
import { Alertmanager, AlertmanagerConfigMatcherStrategy, Matcher, Notifier, OpsgenieResponderType } from '../../src/alerting';
import { IAlertmanagerEndpoint } from '../../src/common/alertmanager-endpoint';
import { NamespaceSelector } from '../../src/common/namespace-selector';
import { Selector } from '../../src/common/selector';
import { crdSchemaErrors } from '../support/crd-schema';

// The tests build partial apps on purpose: the checks' warnings about them are not printed (errors still fail synth).
process.env.CDK8S_PROMETHEUS_CHECKS = 'silent';

describe('Alertmanager', () => {
  test('defaults: 3 replicas, the operator\'s default version with a pinned image, Pod Security "restricted"', () => {
    const c = chart();
    const am = new Alertmanager(c, 'Alertmanager', { metadata: { name: 'main' } });
    const spec = manifestOf(synthAndCheck(c), 'Alertmanager').spec;
    expect(spec).toEqual({
      replicas: 3,
      version: 'v0.33.1',
      image: 'quay.io/prometheus/alertmanager:v0.33.1',
      portName: 'web',
      automountServiceAccountToken: false,
      securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 2000, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } },
      resources: { requests: { cpu: '10m', memory: '64Mi' }, limits: { memory: '256Mi' } },
    });
    expect(Alertmanager.DEFAULT_VERSION).toBe('v0.33.1');
    expect(am.replicas).toBe(3);
  });

  test('name and namespace default to the construct path and the chart\'s namespace', () => {
    const c = chart('alerting');
    const am = new Alertmanager(c, 'Alertmanager');
    expect(am.name).toMatch(/^test-alertmanager-[0-9a-f]{8}$/);
    expect(am.name.length).toBeLessThanOrEqual(39);
    expect(am.namespace).toBe('alerting');
    expect(manifestOf(synthAndCheck(c), 'Alertmanager').metadata).toEqual({ name: am.name, namespace: 'alerting' });
  });

  test('the configuration goes to Secret alertmanager-<name>, key alertmanager.yaml, which the operator reads by default', () => {
    const c = chart();
    const am = new Alertmanager(c, 'Alertmanager', { metadata: { name: 'main' } });
    const manifests = synthAndCheck(c);
    const secret = manifestOf(manifests, 'Secret');
    expect(secret.metadata).toMatchObject({ name: 'alertmanager-main', namespace: 'monitoring' });
    expect(Object.keys(secret.stringData)).toEqual(['alertmanager.yaml']);
    expect(manifestOf(manifests, 'Alertmanager').spec.configSecret).toBeUndefined();
    expect(am.configSecretName).toBe('alertmanager-main');
    expect(parse(secret.stringData['alertmanager.yaml'])).toEqual({ route: { receiver: 'null' }, receivers: [{ name: 'null' }] });
  });

  test('a Service with port web (9093) selects the pods the operator labels', () => {
    const c = chart();
    const am = new Alertmanager(c, 'Alertmanager', { metadata: { name: 'main' } });
    const service = manifestOf(synthAndCheck(c), 'Service');
    expect(service.metadata.name).toBe('alertmanager-main');
    expect(service.spec.ports).toEqual([{ name: 'web', port: 9093, targetPort: 'web', protocol: 'TCP' }]);
    expect(service.spec.selector).toEqual({ 'app.kubernetes.io/name': 'alertmanager', 'alertmanager': 'main' });
    const endpoint: IAlertmanagerEndpoint = am;
    expect([endpoint.namespace, endpoint.serviceName, endpoint.portName]).toEqual(['monitoring', 'alertmanager-main', 'web']);
  });

  test('a PodDisruptionBudget allows one pod down at a time, and is left out for a single replica', () => {
    const c = chart();
    new Alertmanager(c, 'Main', { metadata: { name: 'main' } });
    new Alertmanager(c, 'Single', { metadata: { name: 'single' }, replicas: 1 });
    const pdbs = synthAndCheck(c).filter((m) => m.kind === 'PodDisruptionBudget');
    expect(pdbs).toHaveLength(1);
    expect(pdbs[0].spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': 'alertmanager', 'alertmanager': 'main' } } });
  });

  test('the route tree renders matchers, grouping, timing, continue and nested routes', () => {
    const c = chart();
    const am = new Alertmanager(c, 'Alertmanager', {
      metadata: { name: 'main' },
      route: {
        receiver: 'default',
        groupBy: ['job'],
        groupWait: Duration.seconds(30),
        groupInterval: Duration.minutes(5),
        repeatInterval: Duration.hours(12),
        routes: [
          { matchers: [Matcher.equal('alertname', 'Watchdog')], receiver: 'null' },
          {
            receiver: 'team-web',
            matchers: [Matcher.regex('namespace', 'web|web-canary'), Matcher.notEqual('severity', 'info')],
            groupBy: ['...'],
            continue: true,
            routes: [{ receiver: 'pager', matchers: [Matcher.equal('severity', 'critical')], repeatInterval: Duration.minutes(90) }],
          },
          { receiver: 'default', matchers: [Matcher.notRegex('team', 'web|db')], groupWait: Duration.seconds(0) },
        ],
      },
      receivers: [
        { name: 'null' },
        { name: 'default', notifiers: [Notifier.webhook({ url: 'http://alert-sink.monitoring:8080/alerts' })] },
        { name: 'team-web', notifiers: [Notifier.webhook({ url: 'https://hooks.example.com/web', sendResolved: false, maxAlerts: 20 })] },
        { name: 'pager', notifiers: [Notifier.pagerDuty({ routingKey: secretKey(c, 'pagerduty', 'routing-key') })] },
      ],
    });
    const config = expectAmtoolAccepts(am);
    expect(config.route).toEqual({
      receiver: 'default',
      group_by: ['job'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '12h',
      routes: [
        { receiver: 'null', matchers: ['alertname="Watchdog"'] },
        {
          receiver: 'team-web',
          matchers: ['namespace=~"web|web-canary"', 'severity!="info"'],
          group_by: ['...'],
          continue: true,
          routes: [{ receiver: 'pager', matchers: ['severity="critical"'], repeat_interval: '1h30m' }],
        },
        { receiver: 'default', matchers: ['team!~"web|db"'], group_wait: '0s' },
      ],
    });
    synthAndCheck(c);
  });

  test('matcher values with quotes and backslashes are escaped', () => {
    const c = chart();
    const am = new Alertmanager(c, 'Alertmanager', {
      route: { receiver: 'a', routes: [{ matchers: [Matcher.equal('summary', 'disk "/" is full \\ now')] }] },
      receivers: [{ name: 'a' }],
    });
    expect(expectAmtoolAccepts(am).route.routes[0].matchers).toEqual(['summary="disk \\"/\\" is full \\\\ now"']);
  });

  test.each([
    'webhook',
    'webhook with a secret URL and bearer token',
    'email',
    'Slack',
    'PagerDuty (Events v2)',
    'PagerDuty (Events v1)',
    'Opsgenie',
  ])('amtool accepts a configuration with a %s receiver', (kind) => {
    const c = chart();
    const creds = (key: string) => secretKey(c, 'alert-credentials', key);
    const notifiers: { [kind: string]: Notifier } = {
      'webhook': Notifier.webhook({ url: 'https://hooks.example.com/alerts', sendResolved: true }),
      'webhook with a secret URL and bearer token': Notifier.webhook({ urlSecret: creds('hook-url'), bearerToken: creds('hook-token'), maxAlerts: 5 }),
      'email': Notifier.email({
        to: 'oncall@example.com',
        from: 'alertmanager@example.com',
        smarthost: 'smtp.example.com:587',
        authUsername: 'alertmanager',
        authPassword: creds('smtp-password'),
        requireTls: true,
        headers: { Subject: '[{{ .Status }}] {{ .GroupLabels.alertname }}' },
        sendResolved: true,
      }),
      'Slack': Notifier.slack({ apiUrl: creds('slack-url'), channel: '#alerts', title: '{{ .CommonLabels.alertname }}', sendResolved: true }),
      'PagerDuty (Events v2)': Notifier.pagerDuty({ routingKey: creds('pd-routing-key'), severity: 'critical', details: { cluster: 'prod' } }),
      'PagerDuty (Events v1)': Notifier.pagerDuty({ serviceKey: creds('pd-service-key'), url: 'https://events.pagerduty.com/generic/2010-04-15/create_event.json' }),
      'Opsgenie': Notifier.opsgenie({
        apiKey: creds('opsgenie-key'),
        priority: 'P2',
        tags: 'prod,web',
        responders: [{ type: OpsgenieResponderType.TEAM, name: 'sre' }],
        details: { runbook: 'https://runbooks.example.com' },
      }),
    };
    const am = new Alertmanager(c, 'Alertmanager', { metadata: { name: 'main' }, route: { receiver: 'r' }, receivers: [{ name: 'r', notifiers: [notifiers[kind]] }] });
    const config = expectAmtoolAccepts(am);
    const receiver = config.receivers[0];
    const credentialFields = JSON.stringify(receiver).match(/"[a-z_]*(key|url|password|token|credentials)[a-z_]*":/g) ?? [];
    // Every credential is a *_file path into a mounted Secret, never a value.
    for (const field of credentialFields.filter((f) => !['"url":', '"client_url":'].includes(f))) {
      expect(field).toMatch(/_file":$/);
    }
    const usesSecret = JSON.stringify(receiver).includes('/etc/alertmanager/secrets/alert-credentials/');
    expect(manifestOf(synthAndCheck(c), 'Alertmanager').spec.secrets).toEqual(usesSecret ? ['alert-credentials'] : undefined);
  });

  test('credentials render as *_file paths under /etc/alertmanager/secrets/<secret>/<key>, and their Secrets are mounted', () => {
    const c = chart();
    const am = new Alertmanager(c, 'Alertmanager', {
      metadata: { name: 'main' },
      secrets: ['extra-templates'],
      route: { receiver: 'all' },
      receivers: [{
        name: 'all',
        notifiers: [
          Notifier.slack({ apiUrl: secretKey(c, 'slack', 'url') }),
          Notifier.opsgenie({ apiKey: secretKey(c, 'opsgenie', 'api-key') }),
          Notifier.webhook({ urlSecret: secretKey(c, 'slack', 'webhook') }),
        ],
      }],
    });
    const config = expectAmtoolAccepts(am);
    expect(config.receivers[0]).toEqual({
      name: 'all',
      slack_configs: [{ api_url_file: '/etc/alertmanager/secrets/slack/url' }],
      opsgenie_configs: [{ api_key_file: '/etc/alertmanager/secrets/opsgenie/api-key' }],
      webhook_configs: [{ url_file: '/etc/alertmanager/secrets/slack/webhook' }],
    });
    expect(manifestOf(synthAndCheck(c), 'Alertmanager').spec.secrets).toEqual(['extra-templates', 'opsgenie', 'slack']);
  });

  test('global settings give notifiers their SMTP server, Slack URL and Opsgenie key', () => {
    const c = chart();
    const am = new Alertmanager(c, 'Alertmanager', {
      global: {
        resolveTimeout: Duration.minutes(10),
        smtpFrom: 'alertmanager@example.com',
        smtpSmarthost: 'smtp.example.com:587',
        smtpHello: 'alertmanager.example.com',
        smtpAuthUsername: 'alertmanager',
        smtpAuthPassword: secretKey(c, 'smtp', 'password'),
        smtpRequireTls: true,
        slackApiUrl: secretKey(c, 'slack', 'url'),
        pagerdutyUrl: 'https://events.eu.pagerduty.com/v2/enqueue',
        opsgenieApiUrl: 'https://api.eu.opsgenie.com/',
        opsgenieApiKey: secretKey(c, 'opsgenie', 'key'),
      },
      route: { receiver: 'team' },
      receivers: [{ name: 'team', notifiers: [Notifier.email({ to: 'team@example.com' }), Notifier.slack({ channel: '#team' }), Notifier.opsgenie()] }],
    });
    const config = expectAmtoolAccepts(am);
    expect(config.global).toEqual({
      resolve_timeout: '10m',
      smtp_from: 'alertmanager@example.com',
      smtp_smarthost: 'smtp.example.com:587',
      smtp_hello: 'alertmanager.example.com',
      smtp_auth_username: 'alertmanager',
      smtp_auth_password_file: '/etc/alertmanager/secrets/smtp/password',
      smtp_require_tls: true,
      slack_api_url_file: '/etc/alertmanager/secrets/slack/url',
      pagerduty_url: 'https://events.eu.pagerduty.com/v2/enqueue',
      opsgenie_api_url: 'https://api.eu.opsgenie.com/',
      opsgenie_api_key_file: '/etc/alertmanager/secrets/opsgenie/key',
    });
    expect(config.receivers[0]).toEqual({ name: 'team', email_configs: [{ to: 'team@example.com' }], slack_configs: [{ channel: '#team' }], opsgenie_configs: [{}] });
    synthAndCheck(c);
  });

  test('inhibit rules mute targets while a source fires', () => {
    const c = chart();
    const am = new Alertmanager(c, 'Alertmanager', {
      inhibitRules: [
        { sourceMatchers: [Matcher.equal('severity', 'critical')], targetMatchers: [Matcher.regex('severity', 'warning|info')], equal: ['namespace', 'alertname'] },
        { sourceMatchers: [Matcher.equal('alertname', 'InfoInhibitor')], targetMatchers: [Matcher.equal('severity', 'info')] },
      ],
    });
    expect(expectAmtoolAccepts(am).inhibit_rules).toEqual([
      { source_matchers: ['severity="critical"'], target_matchers: ['severity=~"warning|info"'], equal: ['namespace', 'alertname'] },
      { source_matchers: ['alertname="InfoInhibitor"'], target_matchers: ['severity="info"'] },
    ]);
  });

  test('AlertmanagerConfig selection and the matcher strategy are explicit choices', () => {
    const c = chart();
    const am = new Alertmanager(c, 'Alertmanager', {
      alertmanagerConfigSelector: Selector.matchLabels({ alertmanagerConfig: 'main' }),
      alertmanagerConfigNamespaceSelector: NamespaceSelector.all(),
      alertmanagerConfigMatcherStrategy: AlertmanagerConfigMatcherStrategy.NONE,
    });
    const spec = manifestOf(synthAndCheck(c), 'Alertmanager').spec;
    expect(spec.alertmanagerConfigSelector).toEqual({ matchLabels: { alertmanagerConfig: 'main' } });
    expect(spec.alertmanagerConfigNamespaceSelector).toEqual({});
    expect(spec.alertmanagerConfigMatcherStrategy).toEqual({ type: 'None' });
    expect(am.alertmanagerConfigSelector.requiredLabels).toEqual({ alertmanagerConfig: 'main' });
  });

  test('storage, retention, external URL, resources and security context', () => {
    const c = chart();
    new Alertmanager(c, 'Alertmanager', {
      replicas: 2,
      version: 'v0.32.0',
      storage: { size: Size.gibibytes(2), storageClassName: 'fast-ssd' },
      retention: Duration.days(5),
      externalUrl: 'https://alertmanager.example.com',
      resources: {
        cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(200) },
        memory: { request: Size.mebibytes(100), limit: Size.mebibytes(100) },
      },
      securityContext: { runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534 },
    });
    const spec = manifestOf(synthAndCheck(c), 'Alertmanager').spec;
    expect(spec).toMatchObject({
      replicas: 2,
      version: 'v0.32.0',
      image: 'quay.io/prometheus/alertmanager:v0.32.0',
      retention: '120h',
      externalUrl: 'https://alertmanager.example.com',
      storage: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast-ssd', resources: { requests: { storage: '2Gi' } } } } },
      resources: { requests: { cpu: '50m', memory: '100Mi' }, limits: { cpu: '200m', memory: '100Mi' } },
      securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
    });
  });

  test('the Alertmanager object is the child "Resource" and JSON patches apply to it', () => {
    const c = chart();
    const am = new Alertmanager(c, 'Alertmanager');
    expect(am.node.findChild('Resource')).toBe(am.resource);
    ApiObject.of(am.resource).addJsonPatch(JsonPatch.add('/spec/logLevel', 'debug'));
    expect(manifestOf(synthAndCheck(c), 'Alertmanager').spec.logLevel).toBe('debug');
  });

  test('the CRD schema check used here rejects what the schema forbids', () => {
    const bad = { apiVersion: 'monitoring.coreos.com/v1', kind: 'Alertmanager', metadata: { name: 'x' }, spec: { retention: '5d', replicas: 'three' } };
    const errors = crdSchemaErrors(bad);
    expect(errors.some((e) => e.includes('/spec/retention'))).toBe(true);
    expect(errors.some((e) => e.includes('/spec/replicas'))).toBe(true);
  });

  test('snapshot: the example stack\'s Alertmanager with a webhook receiver', () => {
    const c = chart();
    new Alertmanager(c, 'Alertmanager', {
      metadata: { name: 'main' },
      route: { receiver: 'webhook', groupBy: ['job'], groupWait: Duration.seconds(30), groupInterval: Duration.minutes(5), repeatInterval: Duration.hours(12) },
      receivers: [{ name: 'webhook', notifiers: [Notifier.webhook({ url: 'http://alert-receiver.monitoring.svc:8080/alerts' })] }],
    });
    expect(synthAndCheck(c)).toMatchSnapshot();
  });
});
