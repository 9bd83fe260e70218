import { alertmanager } from './alertmanager-fixtures';
import { baselineApp, messages, modify } from './fixtures';

const ID = 'AM-ALERTING-ENDPOINT';

function alerting(...alertmanagers: unknown[]) {
  return [...modify(baselineApp(), 'Prometheus', 'k8s', (p) => { p.spec.alerting = { alertmanagers }; }), alertmanager];
}

describe(ID, () => {
  test('the Alertmanager name instead of its Service', () => {
    expect(messages(alerting({ namespace: 'monitoring', name: 'main', port: 'web' }), ID)).toEqual([
      '[AM-ALERTING-ENDPOINT] ERROR Prometheus monitoring/k8s spec.alerting.alertmanagers[0].name: Service monitoring/main is not in the app '
      + '(Services in monitoring: [prometheus-operated, alertmanager-operated]); "main" is the name of the Alertmanager, not of a Service. '
      + 'Prometheus will discover no Alertmanager and send no alerts. Fix: set name: alertmanager-operated (the Service the operator creates) '
      + 'or the name of your Alertmanager Service.',
    ]);
  });

  test('the port number instead of the port name', () => {
    expect(messages(alerting({ namespace: 'monitoring', name: 'alertmanager-operated', port: '9093' }), ID)).toEqual([
      '[AM-ALERTING-ENDPOINT] ERROR Prometheus monitoring/k8s spec.alerting.alertmanagers[0].port: "9093" is not a port name of Service '
      + 'monitoring/alertmanager-operated (ports: [web 9093→web, tcp-mesh 9094→mesh-tcp, udp-mesh 9094→mesh-udp/UDP]). Prometheus will '
      + 'discover no Alertmanager and send no alerts. Fix: set port: web (the port name, not its number).',
    ]);
  });

  test('the operator-created Service with its web port is correct', () => {
    expect(messages(alerting({ namespace: 'monitoring', name: 'alertmanager-operated', port: 'web' }), ID)).toEqual([]);
  });

  test('a namespace the app knows nothing about: WARN', () => {
    expect(messages(alerting({ namespace: 'alerting', name: 'am', port: 'web' }), ID)).toEqual([
      '[AM-ALERTING-ENDPOINT] WARN Prometheus monitoring/k8s spec.alerting.alertmanagers[0].name: cannot verify: namespace alerting has no '
      + 'objects in the app, so Service alerting/am cannot be checked. If Service alerting/am does not exist, Prometheus will discover no '
      + 'Alertmanager and send no alerts. Fix: set name to the Service in front of the Alertmanager pods.',
    ]);
  });
});
