import { Chart, ChartProps, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { AlertRuleGroup, Notifier, PrometheusStack, Selector } from '../src';

/** Namespace of the monitoring stack, and of the demo app's monitor. */
export const MONITORING_NAMESPACE = 'monitoring';
/** Name of the stack's Prometheus and Alertmanager. */
export const STACK_NAME = 'example';
/** The labels the stack's Prometheus selects ServiceMonitors and PodMonitors by. */
export const PROMETHEUS_SELECTION_LABELS = { release: 'prometheus' };
/** The labels the stack's Prometheus selects PrometheusRules by. */
export const RULE_SELECTION_LABELS = { role: 'alert-rules', prometheus: STACK_NAME };
/**
 * Where the Alertmanager sends notifications: replace it with your own webhook endpoint (any
 * service that accepts Alertmanager's JSON POSTs).
 */
export const ALERT_WEBHOOK_URL = 'http://alert-receiver.monitoring.svc:8080/alerts';

/**
 * The monitoring stack: prometheus-operator (its CRDs go to a chart of their own, applied first),
 * the `monitoring` Namespace, a Prometheus that selects monitors labelled `release: prometheus`
 * and rules labelled `role: alert-rules, prometheus: example`, with RBAC computed from what it
 * selects, and a 3-replica Alertmanager sending every alert, grouped by job, to a webhook.
 */
export class MonitoringChart extends Chart {
  /** The Prometheus, Alertmanager, operator and Namespace. */
  public readonly stack: PrometheusStack;
  /** The PrometheusRule with the demo app's alert. */
  public readonly alerts: AlertRuleGroup;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    this.stack = new PrometheusStack(this, 'stack', {
      namespace: MONITORING_NAMESPACE,
      name: STACK_NAME,
      installOperator: true,
      prometheus: {
        serviceMonitorSelector: Selector.matchLabels(PROMETHEUS_SELECTION_LABELS),
        podMonitorSelector: Selector.matchLabels(PROMETHEUS_SELECTION_LABELS),
        ruleSelector: Selector.matchLabels(RULE_SELECTION_LABELS),
      },
      alertmanager: {
        replicas: 3,
        receivers: [{ name: 'webhook', notifiers: [Notifier.webhook({ url: ALERT_WEBHOOK_URL })] }],
        route: {
          receiver: 'webhook',
          groupBy: ['job'],
          groupWait: Duration.seconds(30),
          groupInterval: Duration.minutes(5),
          repeatInterval: Duration.hours(12),
        },
      },
    });
    // Labelled for the ruleSelector by the stack; the alert matches the demo app whichever monitor
    // kind scrapes it (both give its targets the namespace and container labels).
    this.alerts = this.stack.addRuleGroup('demo-go-alerts', { metadata: { name: 'demo-go-alerts' } });
    this.alerts.addAlert({
      alert: 'DemoGoTargetDown',
      expr: 'up{namespace="demo", container="demo-go"} == 0',
      for: Duration.minutes(5),
      labels: { severity: 'warning' },
      summary: 'demo-go target {{ $labels.instance }} is down',
      description: 'Prometheus has failed to scrape {{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.instance }}) for 5 minutes: '
        + 'the pod is not running, or /metrics does not answer.',
      runbookUrl: 'https://runbooks.example.com/demo-go/DemoGoTargetDown',
    });
  }
}
