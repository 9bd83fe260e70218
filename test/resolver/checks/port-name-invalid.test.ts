import { baselineApp, messages, modify } from './fixtures';

const ID = 'PORT-NAME-INVALID';

describe(ID, () => {
  test('a container port name over 15 characters', () => {
    const app = modify(baselineApp(), 'Deployment', 'web', (d) => { d.spec.template.spec.containers[0].ports[1].name = 'prometheus-metrics'; });
    expect(messages(app, ID)).toEqual([
      '[PORT-NAME-INVALID] ERROR Deployment apps/web spec.template.spec.containers[0].ports[1].name: "prometheus-metrics" is 18 characters '
      + 'long (at most 15) (container port names are IANA service names). The API server will reject this Deployment. Fix: use a short name '
      + 'such as "metrics" (and update the Service targetPort and monitor port references).',
    ]);
  });

  test('an unnamed port on a Service with two ports', () => {
    const app = modify(baselineApp(), 'Service', 'web', (s) => { delete s.spec.ports[0].name; });
    expect(messages(app, ID)).toEqual([
      '[PORT-NAME-INVALID] ERROR Service apps/web spec.ports[0].name: unset on a Service with several ports. The API server will reject this '
      + 'Service. Fix: name every port (e.g. http, metrics).',
    ]);
  });
});
