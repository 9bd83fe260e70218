import { baselineApp, messages, podMonitor } from './fixtures';

const ID = 'PORT-POD-PORT-UNDECLARED';
const DECLARED = 'Deployment apps/web declares [http 8080, metrics 9090]. Prometheus will drop every target of this endpoint (ports a sidecar '
  + 'injector adds at admission time are not visible here).';

function withPodMonitor(endpoints: unknown[]) {
  return [...baselineApp(), podMonitor('apps', 'web', { release: 'prometheus' }, { selector: { matchLabels: { app: 'web' } }, podMetricsEndpoints: endpoints })];
}

describe(ID, () => {
  test('a port name no container declares', () => {
    expect(messages(withPodMonitor([{ port: 'metric' }]), ID)).toEqual([
      `[PORT-POD-PORT-UNDECLARED] ERROR PodMonitor apps/web spec.podMetricsEndpoints[0].port: no container declares a port named "metric"; ${DECLARED} Fix: set port: metrics.`,
    ]);
  });

  test('a number written as the port name', () => {
    expect(messages(withPodMonitor([{ port: '9090' }]), ID)).toEqual([
      '[PORT-POD-PORT-UNDECLARED] ERROR PodMonitor apps/web spec.podMetricsEndpoints[0].port: "9090" is not a declared container port name '
      + `(port takes a name, and port names must contain a letter); ${DECLARED} Fix: set port: metrics.`,
    ]);
  });

  test('an undeclared portNumber', () => {
    expect(messages(withPodMonitor([{ portNumber: 2020 }]), ID)).toEqual([
      `[PORT-POD-PORT-UNDECLARED] ERROR PodMonitor apps/web spec.podMetricsEndpoints[0].portNumber: no container declares containerPort 2020; ${DECLARED} `
      + 'Fix: declare containerPort 2020 on the container, or set portNumber to a declared port.',
    ]);
  });

  test('port is matched as a regular expression, as the operator does', () => {
    expect(messages(withPodMonitor([{ port: 'http|metrics' }, { portNumber: 9090 }]), ID)).toEqual([]);
  });
});
