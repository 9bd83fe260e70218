import { alertmanager, alertmanagerSecret } from './alertmanager-fixtures';
import { baselineApp, messages } from './fixtures';

const ID = 'AM-CONFIG-SECRET';
const CONFIG = 'route:\n  receiver: x\nreceivers:\n- name: x\n';

describe(ID, () => {
  test('the configuration under another Secret name', () => {
    expect(messages([...baselineApp(), alertmanager, alertmanagerSecret(CONFIG, 'alertmanager-config')], ID)).toEqual([
      '[AM-CONFIG-SECRET] ERROR Alertmanager monitoring/main metadata.name: expects Secret monitoring/alertmanager-main with key '
      + 'alertmanager.yaml, but the app defines the configuration in Secret monitoring/alertmanager-config. The operator will fall back to a '
      + 'configuration with one empty receiver: notifications are dropped. Fix: rename the Secret to alertmanager-main with key '
      + 'alertmanager.yaml, or set spec.configSecret: alertmanager-config.',
    ]);
  });

  test('the configuration under another key', () => {
    expect(messages([...baselineApp(), alertmanager, alertmanagerSecret(CONFIG, 'alertmanager-main', 'alertmanager.yml')], ID)).toEqual([
      '[AM-CONFIG-SECRET] ERROR Alertmanager monitoring/main metadata.name: Secret monitoring/alertmanager-main has keys [alertmanager.yml], '
      + 'not "alertmanager.yaml". The operator will fall back to a configuration with one empty receiver: notifications are dropped. Fix: '
      + 'store the configuration under the key alertmanager.yaml.',
    ]);
  });

  test('no configuration in the app: WARN', () => {
    expect(messages([...baselineApp(), alertmanager], ID)).toEqual([
      '[AM-CONFIG-SECRET] WARN Alertmanager monitoring/main metadata.name: cannot verify: Secret monitoring/alertmanager-main (key '
      + 'alertmanager.yaml) is not in the app. If it does not exist in the cluster, the operator will fall back to a configuration with one '
      + 'empty receiver: notifications are dropped. Fix: define Secret alertmanager-main with key alertmanager.yaml in the app, or acknowledge '
      + 'this finding if it is created elsewhere.',
    ]);
  });
});
