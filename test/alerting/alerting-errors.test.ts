import { Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chart, secretKey } from './alerting-tools';
import {
  Alertmanager, AlertmanagerConfig, AlertmanagerConfigMatcherStrategy, AlertmanagerProps, Matcher, Notifier, OpsgenieResponderType, Receiver,
} from '../../src/alerting';
import { ValidationError } from '../../src/common/errors';
import { NamespaceSelector } from '../../src/common/namespace-selector';
import { Selector } from '../../src/common/selector';
import { validationError } from '../common/validation-error';

function alertmanagerError(props: (c: Chart) => AlertmanagerProps): ValidationError {
  const c = chart();
  return validationError(() => new Alertmanager(c, 'AM', props(c)));
}

/** An Alertmanager whose only receiver "r" has `notifier`. */
function notifierError(notifier: (c: Chart) => Notifier): ValidationError {
  return alertmanagerError((c) => ({ route: { receiver: 'r' }, receivers: [{ name: 'r', notifiers: [notifier(c)] }] }));
}

const RECEIVERS: Receiver[] = [{ name: 'null' }, { name: 'web' }, { name: 'db' }];

describe('Alertmanager rejects bad input with the construct path, the field and what is allowed', () => {
  test('a nested route naming an undefined receiver names its path in the tree and lists the receivers', () => {
    const e = alertmanagerError(() => ({
      route: { receiver: 'null', routes: [{ receiver: 'web' }, { receiver: 'db', routes: [{ matchers: [Matcher.equal('severity', 'critical')], receiver: 'pager' }] }] },
      receivers: RECEIVERS,
    }));
    expect(e.message).toBe('test/AM: route.routes[1].routes[0].receiver: "pager" is not a defined receiver (defined receivers: "null", "web", "db"). '
      + 'Name one of them, or add a receiver named "pager".');
    expect(e.field).toBe('route.routes[1].routes[0].receiver');
  });

  test('an undefined receiver on the root route', () => {
    const e = alertmanagerError(() => ({ route: { receiver: 'oncall' }, receivers: RECEIVERS }));
    expect(e.message).toContain('test/AM: route.receiver: "oncall" is not a defined receiver (defined receivers: "null", "web", "db")');
  });

  test('a root route without a receiver', () => {
    const e = alertmanagerError(() => ({ route: { groupBy: ['job'] }, receivers: RECEIVERS }));
    expect(e.message).toContain('test/AM: route.receiver: the root route needs a receiver (defined receivers: "null", "web", "db")');
  });

  test('matchers on the root route', () => {
    const e = alertmanagerError(() => ({ route: { receiver: 'web', matchers: [Matcher.equal('a', 'b')] }, receivers: RECEIVERS }));
    expect(e.message).toContain('test/AM: route.matchers: the root route takes every alert and cannot have matchers. Put the matchers on a child route');
  });

  test('continue on the root route', () => {
    const e = alertmanagerError(() => ({ route: { receiver: 'web', continue: true }, receivers: RECEIVERS }));
    expect(e.message).toContain('test/AM: route.continue: continue is not allowed on the root route');
  });

  test('two receivers with the same name', () => {
    const e = alertmanagerError(() => ({ route: { receiver: 'web' }, receivers: [{ name: 'web' }, { name: 'db' }, { name: 'web' }] }));
    expect(e.message).toContain('test/AM: receivers[2].name: "web" repeats receivers[0].name. Receiver names must be unique');
  });

  test('a matcher on an invalid label name', () => {
    const e = alertmanagerError(() => ({ route: { receiver: 'web', routes: [{ matchers: [Matcher.equal('app.kubernetes.io/name', 'x')] }] }, receivers: RECEIVERS }));
    expect(e.field).toBe('route.routes[0].matchers[0].name');
    expect(e.message).toContain('"app.kubernetes.io/name" is not a valid label name');
  });

  test('a matcher with an invalid RE2 expression', () => {
    const e = alertmanagerError(() => ({ route: { receiver: 'web', routes: [{ matchers: [Matcher.regex('job', 'api(')] }] }, receivers: RECEIVERS }));
    expect(e.message).toBe('test/AM: route.routes[0].matchers[0].value: "api(" is not a valid RE2 regular expression (error parsing regexp: missing closing ): `api(`). '
      + 'Use Go regexp syntax, e.g. "critical|page".');
  });

  test('"..." mixed with label names in groupBy', () => {
    const e = alertmanagerError(() => ({ route: { receiver: 'web', groupBy: ['...', 'job'] }, receivers: RECEIVERS }));
    expect(e.message).toContain('test/AM: route.groupBy: "..." (group by all labels) must be the only entry');
  });

  test('a zero repeat interval', () => {
    const e = alertmanagerError(() => ({ route: { receiver: 'web', routes: [{ repeatInterval: Duration.seconds(0) }] }, receivers: RECEIVERS }));
    expect(e.message).toContain('test/AM: route.routes[0].repeatInterval: a zero duration is not allowed here');
  });

  test('a webhook with both url and urlSecret', () => {
    const e = notifierError((c) => Notifier.webhook({ url: 'https://x.example.com', urlSecret: secretKey(c, 's', 'url') }));
    expect(e.message).toContain('test/AM: receivers[0].notifiers[0].url: a webhook needs exactly one of url and urlSecret');
  });

  test('a webhook URL that is not http(s)', () => {
    const e = notifierError(() => Notifier.webhook({ url: 'hooks.example.com/alerts' }));
    expect(e.message).toContain('receivers[0].notifiers[0].url: "hooks.example.com/alerts" is not an http(s) URL');
  });

  test('an email notifier without an SMTP server anywhere', () => {
    const e = notifierError(() => Notifier.email({ to: 'ops@example.com', from: 'am@example.com' }));
    expect(e.message).toContain('receivers[0].notifiers[0].smarthost: no SMTP server: neither this email notifier nor the global section sets one');
  });

  test('an email smarthost without a port', () => {
    const e = notifierError(() => Notifier.email({ to: 'ops@example.com', from: 'am@example.com', smarthost: 'smtp.example.com' }));
    expect(e.message).toContain('receivers[0].notifiers[0].smarthost: "smtp.example.com" is not host:port');
  });

  test('a Slack notifier without a webhook URL anywhere', () => {
    const e = notifierError(() => Notifier.slack({ channel: '#ops' }));
    expect(e.message).toContain('receivers[0].notifiers[0].apiUrl: no Slack webhook URL: neither this notifier nor the global section sets one');
  });

  test('PagerDuty with both keys', () => {
    const e = notifierError((c) => Notifier.pagerDuty({ routingKey: secretKey(c, 'pd', 'a'), serviceKey: secretKey(c, 'pd', 'b') }));
    expect(e.message).toContain('receivers[0].notifiers[0].routingKey: PagerDuty needs exactly one of routingKey (Events API v2) and serviceKey (v1)');
  });

  test('an Opsgenie priority outside P1-P5', () => {
    const e = notifierError((c) => Notifier.opsgenie({ apiKey: secretKey(c, 'og', 'key'), priority: 'high' }));
    expect(e.message).toContain('receivers[0].notifiers[0].priority: "high" is not an Opsgenie priority. Use P1, P2, P3, P4 or P5');
  });

  test('an Opsgenie responder with both a name and an id', () => {
    const e = notifierError((c) => Notifier.opsgenie({ apiKey: secretKey(c, 'og', 'key'), responders: [{ type: OpsgenieResponderType.TEAM, name: 'sre', id: '42' }] }));
    expect(e.message).toContain('receivers[0].notifiers[0].responders[0]: a team responder needs exactly one of name, id and username (got 2)');
  });

  test('a credential in a Secret key that cannot exist', () => {
    const e = notifierError((c) => Notifier.slack({ apiUrl: { secret: kplus.Secret.fromSecretName(c, 'Slack', 'slack'), key: 'web hook' } }));
    expect(e.message).toContain('receivers[0].notifiers[0].apiUrl: "web hook" is not a valid Secret key');
  });

  test('an inhibit rule without target matchers', () => {
    const e = alertmanagerError(() => ({ inhibitRules: [{ sourceMatchers: [Matcher.equal('severity', 'critical')], targetMatchers: [] }] }));
    expect(e.message).toContain('test/AM: inhibitRules[0].targetMatchers: an inhibit rule needs at least one target matcher');
  });

  test('zero replicas', () => {
    expect(alertmanagerError(() => ({ replicas: 0 })).message).toBe('test/AM: replicas: 0 is not allowed. Use a whole number of at least 1 (3 for a highly available cluster).');
  });

  test('a version the operator does not support', () => {
    expect(alertmanagerError(() => ({ version: 'v0.14.0' })).message).toContain('test/AM: version: "v0.14.0" is not a version the operator supports');
  });

  test('a name too long for the StatefulSet', () => {
    const e = alertmanagerError(() => ({ metadata: { name: 'a'.repeat(40) } }));
    expect(e.field).toBe('metadata.name');
    expect(e.message).toContain('Use at most 39 lowercase letters, digits or \'-\'');
  });

  test('running as root', () => {
    expect(alertmanagerError(() => ({ securityContext: { runAsUser: 0 } })).message)
      .toContain('test/AM: securityContext.runAsUser: 0 is not allowed: Pod Security "restricted" forbids running as root');
  });

  test('a memory request above its limit', () => {
    const e = alertmanagerError(() => ({ resources: { memory: { request: Size.mebibytes(512), limit: Size.mebibytes(256) } } }));
    expect(e.message).toBe('test/AM: resources.memory: the request (512Mi) is above the limit (256Mi). Use a request no larger than the limit.');
  });

  test('a retention below a millisecond', () => {
    expect(alertmanagerError(() => ({ retention: Duration.millis(0.5) })).message).toContain('test/AM: retention: 0.5ms is not a valid retention');
  });
});

describe('AlertmanagerConfig rejects bad input', () => {
  function selecting(c: Chart, extra: Partial<AlertmanagerProps> = {}): Alertmanager {
    return new Alertmanager(c, 'AM', { metadata: { name: 'main' }, alertmanagerConfigSelector: Selector.matchLabels({ amc: 'main' }), ...extra });
  }

  test('an Alertmanager that ignores every AlertmanagerConfig', () => {
    const c = chart();
    const am = new Alertmanager(c, 'AM', { metadata: { name: 'main' } });
    const e = validationError(() => new AlertmanagerConfig(c, 'AMC', { alertmanager: am, route: { receiver: 'r' }, receivers: [{ name: 'r' }] }));
    expect(e.message).toContain('test/AMC: alertmanager: Alertmanager monitoring/main has no alertmanagerConfigSelector, so it ignores every AlertmanagerConfig');
  });

  test('a namespace the Alertmanager does not read AlertmanagerConfigs from', () => {
    const c = chart();
    const am = selecting(c);
    const e = validationError(() => new AlertmanagerConfig(c, 'AMC', { alertmanager: am, metadata: { namespace: 'team-web' }, route: { receiver: 'r' }, receivers: [{ name: 'r' }] }));
    expect(e.message).toBe('test/AMC: metadata.namespace: "team-web" is outside the namespaces Alertmanager monitoring/main reads AlertmanagerConfigs from '
      + '(monitoring). Move this object there or widen its alertmanagerConfigNamespaceSelector.');
  });

  test('a namespace matcher the operator would contradict', () => {
    const c = chart('team-web');
    const am = selecting(c, {
      alertmanagerConfigNamespaceSelector: NamespaceSelector.all(),
      alertmanagerConfigMatcherStrategy: AlertmanagerConfigMatcherStrategy.ON_NAMESPACE,
    });
    const e = validationError(() => new AlertmanagerConfig(c, 'AMC', {
      alertmanager: am, route: { receiver: 'r', matchers: [Matcher.equal('namespace', 'team-db')] }, receivers: [{ name: 'r' }],
    }));
    expect(e.message).toContain('test/AMC: route.matchers[0]: the operator adds namespace="team-web" to this route');
  });

  test('a label contradicting the Alertmanager\'s selector', () => {
    const c = chart();
    const e = validationError(() => new AlertmanagerConfig(c, 'AMC', {
      alertmanager: selecting(c), metadata: { labels: { amc: 'other' } }, route: { receiver: 'r' }, receivers: [{ name: 'r' }],
    }));
    expect(e.message).toBe('test/AMC: metadata.labels.amc: "other" differs from "main", which Alertmanager monitoring/main selects AlertmanagerConfigs by. '
      + 'Remove the label or set it to "main".');
  });

  test('a route naming a receiver of another AlertmanagerConfig', () => {
    const c = chart();
    const e = validationError(() => new AlertmanagerConfig(c, 'AMC', { route: { receiver: 'r', routes: [{ receiver: 'global-pager' }] }, receivers: [{ name: 'r' }] }));
    expect(e.message).toContain('test/AMC: route.routes[0].receiver: "global-pager" is not a defined receiver (defined receivers: "r")');
  });

  test('an empty receiver name', () => {
    const c = chart();
    const e = validationError(() => new AlertmanagerConfig(c, 'AMC', { route: { receiver: '' }, receivers: [{ name: '' }] }));
    expect(e.message).toContain('test/AMC: receivers[0].name: a receiver needs a non-empty name');
  });

  test('an email notifier without a recipient', () => {
    const c = chart();
    const e = validationError(() => new AlertmanagerConfig(c, 'AMC', { route: { receiver: 'r' }, receivers: [{ name: 'r', notifiers: [Notifier.email({ to: '' })] }] }));
    expect(e.message).toContain('test/AMC: receivers[0].notifiers[0].to: the recipient is empty');
  });
});
