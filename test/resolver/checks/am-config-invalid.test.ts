import { alertmanager, alertmanagerSecret } from './alertmanager-fixtures';
import { baselineApp, messages } from './fixtures';

const ID = 'AM-CONFIG-INVALID';

describe(ID, () => {
  test('a route to the undefined "null" receiver and a duplicate receiver', () => {
    const secret = alertmanagerSecret([
      'route:',
      '  receiver: slack',
      '  routes:',
      '  - matchers: [alertname="Watchdog"]',
      '    receiver: "null"',
      'receivers:',
      '- name: slack',
      '- name: pagerduty',
      '- name: slack',
    ].join('\n'));
    expect(messages([...baselineApp(), alertmanager, secret], ID)).toEqual([
      '[AM-CONFIG-INVALID] ERROR Secret monitoring/alertmanager-main alertmanager.yaml: receivers[2].name "slack" is defined twice. '
      + 'Alertmanager will refuse this configuration (it does not start, or keeps its previous configuration). Fix: correct the '
      + 'configuration (amtool check-config validates it).',
      '[AM-CONFIG-INVALID] ERROR Secret monitoring/alertmanager-main alertmanager.yaml: route.routes[0].receiver "null" is not defined '
      + '(receivers: [slack, pagerduty, slack]). Alertmanager will refuse this configuration (it does not start, or keeps its previous '
      + 'configuration). Fix: add the receiver to receivers (e.g. receivers: [{name: "null"}]) or route to an existing one.',
    ]);
  });

  test('an AlertmanagerConfig route to a receiver it does not define', () => {
    const amc = {
      apiVersion: 'monitoring.coreos.com/v1alpha1',
      kind: 'AlertmanagerConfig',
      metadata: { name: 'team', namespace: 'apps' },
      spec: { route: { receiver: 'team', routes: [{ receiver: 'SRE' }] }, receivers: [{ name: 'team' }] },
    };
    expect(messages([...baselineApp(), amc], ID)).toEqual([
      '[AM-CONFIG-INVALID] ERROR AlertmanagerConfig apps/team spec.route.routes[0].receiver: "SRE" is not one of spec.receivers [team]. The '
      + 'operator will reject this AlertmanagerConfig. Fix: define the receiver in spec.receivers (receivers of the global configuration '
      + 'cannot be referenced).',
    ]);
  });

  test('a valid configuration has no finding', () => {
    const secret = alertmanagerSecret('route:\n  receiver: "null"\nreceivers:\n- name: "null"\n');
    expect(messages([...baselineApp(), alertmanager, secret], ID)).toEqual([]);
  });
});
