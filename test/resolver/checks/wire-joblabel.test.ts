import { baselineApp, messages, modify } from './fixtures';

const ID = 'WIRE-JOBLABEL';

describe(ID, () => {
  test('a jobLabel set to the job name instead of a label key', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.jobLabel = 'web-exporter'; m.spec.targetLabels = ['team']; });
    expect(messages(app, ID)).toEqual([
      '[WIRE-JOBLABEL] WARN ServiceMonitor apps/web spec.jobLabel: "web-exporter" is not a label of Service apps/web; jobLabel is a label '
      + '*key* whose value becomes the job, not the job name. The job label falls back to the Service name. Fix: set jobLabel to a label key '
      + 'the Service carries (e.g. app.kubernetes.io/name), or relabel targetLabel: job.',
      '[WIRE-JOBLABEL] WARN ServiceMonitor apps/web spec.targetLabels[0]: "team" is not a label of Service apps/web. The targets get no such '
      + 'label. Fix: remove it, or label the Service with it.',
    ]);
  });

  test('a jobLabel the Service carries', () => {
    const app = modify(baselineApp(), 'ServiceMonitor', 'web', (m) => { m.spec.jobLabel = 'app'; });
    expect(messages(app, ID)).toEqual([]);
  });
});
