import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Alertmanager, AlertmanagerProps } from '../alerting/alertmanager';
import { Checks } from '../checks/checks';
import { clusterScoped } from '../common/cluster-scoped';
import { fail } from '../common/errors';
import { ISelectingPrometheus, SelectableKind } from '../common/selecting';
import { PodMonitor, PodMonitorProps } from '../monitors/pod-monitor';
import { Probe, ProbeProps } from '../monitors/probe';
import { ServiceMonitor, ServiceMonitorProps } from '../monitors/service-monitor';
import { PrometheusOperatorCrds } from '../operator/crds';
import { PrometheusOperator, PrometheusOperatorProps } from '../operator/operator';
import { Prometheus, PrometheusProps } from '../prometheus/prometheus';
import { AlertRuleGroup, AlertRuleGroupOptions } from '../rules/alert-rule-group';
import { RenderedConfig } from '../synth/rendered-config';
import { RenderedConfigs, RenderedConfigsOptions } from '../synth/rendered-configs';

/** Properties of a {@link PrometheusStack}. */
export interface PrometheusStackProps {
  /**
   * Name of the Prometheus and of the Alertmanager (`prometheus-<name>` and `alertmanager-<name>`
   * StatefulSets and Services) unless their own settings name them.
   * @default "main"
   */
  readonly name?: string;
  /**
   * Namespace of the stack's objects.
   * @default - the chart's namespace, else "monitoring"
   */
  readonly namespace?: string;
  /**
   * Create the Namespace, labelled to enforce Pod Security "restricted" (every pod of the stack
   * passes it).
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * Install prometheus-operator: its Deployment and RBAC in this namespace, and its CRDs in a chart
   * of their own (`prometheus-operator-crds`, at the app's root) that this stack's chart depends on.
   * @default false - the operator is expected to run in the cluster already
   */
  readonly installOperator?: boolean;
  /**
   * Settings of the operator when `installOperator` is true (its namespace is the stack's).
   * @default - the PrometheusOperator defaults
   */
  readonly operator?: PrometheusOperatorProps;
  /**
   * Settings of the Prometheus (its namespace is the stack's).
   * @default - the Prometheus defaults, named after the stack: selecting objects labelled `prometheus: <name>`
   */
  readonly prometheus?: PrometheusProps;
  /**
   * Run an Alertmanager and send the Prometheus's alerts to it.
   * @default true
   */
  readonly withAlertmanager?: boolean;
  /**
   * Settings of the Alertmanager (its namespace is the stack's).
   * @default - the Alertmanager defaults, named after the stack: 3 replicas, every alert to the receiver "null", and a
   * 1 GiB PersistentVolumeClaim per pod
   */
  readonly alertmanager?: AlertmanagerProps;
}

/**
 * A complete prometheus-operator monitoring stack that works as it is: a Prometheus with computed
 * RBAC and its Service, an Alertmanager it sends alerts to, optionally the operator and its CRDs,
 * and the Namespace. Monitors and
 * rule groups attach to it: it stands for its Prometheus wherever an `ISelectingPrometheus` is
 * taken (MonitoredApp, ServiceMonitor, AlertRuleGroup), and its add methods create them labelled
 * for selection.
 *
 * Creating it turns on the synth-time checks of its app ({@link Checks}): mistakes that would
 * make the operator lose targets, rules or alerts fail synth; warnings are printed.
 */
export class PrometheusStack extends Construct implements ISelectingPrometheus {
  /** Id of the chart holding the operator's CRDs, created at the app's root. */
  public static readonly CRDS_CHART_ID = 'prometheus-operator-crds';

  /** Namespace of the stack. */
  public readonly namespace: string;
  /** `namespace/name` of the stack's Prometheus. */
  public readonly prometheusKey: string;
  /** The Prometheus. */
  public readonly prometheus: Prometheus;
  /** The Alertmanager, unless `withAlertmanager` is false. */
  public readonly alertmanager?: Alertmanager;
  /** The operator, when installed. */
  public readonly operator?: PrometheusOperator;
  /** The chart with the operator's CRDs, when the operator is installed. */
  public readonly crds?: PrometheusOperatorCrds;
  /** The Namespace object, when created. */
  public readonly namespaceObject?: ApiObject;

  constructor(scope: Construct, id: string, props: PrometheusStackProps = {}) {
    super(scope, id);
    Checks.of(this);
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'monitoring';
    const given: Array<[string, string | undefined]> = [
      ['prometheus.namespace', props.prometheus?.namespace],
      ['operator.namespace', props.operator?.namespace],
      ['alertmanager.metadata.namespace', props.alertmanager?.metadata?.namespace],
    ];
    for (const [field, namespace] of given) {
      if (namespace !== undefined && namespace !== this.namespace) {
        fail(this, field, `"${namespace}" differs from the stack's namespace "${this.namespace}". Leave it unset or set namespace on the stack.`);
      }
    }
    if (props.alertmanager !== undefined && props.withAlertmanager === false) {
      fail(this, 'alertmanager', 'Alertmanager settings are given but withAlertmanager is false. Remove one of them.');
    }
    if (props.operator !== undefined && props.installOperator !== true) {
      fail(this, 'operator', 'operator settings are given but installOperator is not true. Set installOperator: true, or leave operator out.');
    }
    if (props.createNamespace ?? true) {
      this.namespaceObject = clusterScoped(new ApiObject(this, 'Namespace', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: this.namespace, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } },
      }));
    }
    if (props.installOperator) {
      const root = this.node.root;
      const existing = root.node.tryFindChild(PrometheusStack.CRDS_CHART_ID);
      const crds = existing === undefined ? new PrometheusOperatorCrds(root, PrometheusStack.CRDS_CHART_ID) : existing as PrometheusOperatorCrds;
      Chart.of(this).addDependency(crds);
      this.crds = crds;
      this.operator = new PrometheusOperator(this, 'Operator', { ...props.operator, namespace: this.namespace });
    }
    const name = props.name ?? 'main';
    this.prometheus = new Prometheus(this, 'Prometheus', { name, ...props.prometheus, namespace: this.namespace });
    this.prometheusKey = this.prometheus.prometheusKey;
    if (props.withAlertmanager ?? true) {
      this.alertmanager = new Alertmanager(this, 'Alertmanager', {
        ...props.alertmanager,
        // Silences and the notification log survive pod restarts.
        storage: props.alertmanager?.storage ?? {},
        metadata: { name, ...props.alertmanager?.metadata, namespace: this.namespace },
      });
      this.prometheus.addAlertmanager(this.alertmanager);
    }
    if (this.namespaceObject) {
      for (const child of [this.prometheus, this.alertmanager, this.operator]) {
        child?.node.addDependency(this.namespaceObject);
      }
    }
  }

  /** The labels an object of `kind` must carry for the stack's Prometheus to select it. */
  public selectionLabels(kind: SelectableKind): { [key: string]: string } {
    return this.prometheus.selectionLabels(kind);
  }

  /** Creates a ServiceMonitor selected by the stack's Prometheus (see `Prometheus.addMonitor`). */
  public addMonitor(id: string, props: ServiceMonitorProps): ServiceMonitor {
    return this.prometheus.addMonitor(id, props);
  }

  /** Creates a PodMonitor selected by the stack's Prometheus. */
  public addPodMonitor(id: string, props: PodMonitorProps): PodMonitor {
    return this.prometheus.addPodMonitor(id, props);
  }

  /** Creates a Probe selected by the stack's Prometheus. */
  public addProbe(id: string, props: ProbeProps): Probe {
    return this.prometheus.addProbe(id, props);
  }

  /** Creates an AlertRuleGroup that the stack's Prometheus evaluates. */
  public addRuleGroup(id: string, options: AlertRuleGroupOptions = {}): AlertRuleGroup {
    return this.prometheus.addRuleGroup(id, options);
  }

  /**
   * The prometheus.yaml prometheus-operator generates for the stack's Prometheus, rendered from
   * the app's objects as they are now (see `RenderedConfigs`): call it once the app is complete.
   * @param options how the cluster's operator runs
   */
  public renderedConfig(options: RenderedConfigsOptions = {}): RenderedConfig {
    return RenderedConfigs.of(this, options).forPrometheus(this);
  }
}
