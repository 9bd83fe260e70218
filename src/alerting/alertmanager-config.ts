import { ApiObjectMetadata, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Alertmanager, AlertmanagerConfigMatcherStrategy } from './alertmanager';
import { InhibitRule, renderCrdInhibitRules } from './inhibit-rule';
import { Receiver, receiverNames, renderCrdReceivers } from './receiver';
import { renderRoute, Route, RouteFormat } from './route';
import { Checks } from '../checks/checks';
import { fail } from '../common/errors';
import { withSelectionLabels } from '../common/selection-labels';
import * as monitoring from '../imports/monitoring.coreos.com';

/** Properties of an AlertmanagerConfig. */
export interface AlertmanagerConfigProps {
  /**
   * Name, namespace, labels and annotations of the AlertmanagerConfig.
   * @default - a name generated from the construct path, the chart's namespace
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * The Alertmanager that should merge this configuration: the labels its
   * alertmanagerConfigSelector needs are added to `metadata.labels`, and the namespace is checked
   * against its alertmanagerConfigNamespaceSelector when that names the namespaces.
   * @default - no labels are added; the object is merged only if its own labels match
   */
  readonly alertmanager?: Alertmanager;
  /**
   * The top route of this namespace's subtree. It needs a receiver, which (like every receiver
   * the subtree names) must be one of `receivers`.
   */
  readonly route: Route;
  /** The receivers of this configuration (the operator prefixes them `<namespace>/<name>/`). */
  readonly receivers: Receiver[];
  /**
   * Inhibit rules (restricted to this namespace like the routes).
   * @default []
   */
  readonly inhibitRules?: InhibitRule[];
}

/**
 * A prometheus-operator AlertmanagerConfig (monitoring.coreos.com/v1alpha1): a namespaced
 * routing subtree with its own receivers, merged by the Alertmanager whose
 * `alertmanagerConfigSelector` matches it. Credentials are Secret key references in this object's
 * namespace.
 *
 * How the operator merges it: the top route becomes a child of the Alertmanager's root route with
 * `continue: true`, its receivers are renamed `<namespace>/<name>/<receiver>`, and, unless the
 * Alertmanager's `alertmanagerConfigMatcherStrategy` is `None`, a matcher
 * `namespace="<this object's namespace>"` is added to the top route and to every inhibit rule. The
 * route therefore only sees alerts whose `namespace` label is this object's namespace: alerts from
 * rules in other namespaces, or without a namespace label, never reach it.
 *
 * Creating it turns on the synth-time checks of its app ({@link Checks}): mistakes that would
 * make the operator lose targets, rules or alerts fail synth; warnings are printed.
 */
export class AlertmanagerConfig extends Construct {
  /** The generated AlertmanagerConfig object (child id `Resource`), for escape hatches such as `addJsonPatch`. */
  public readonly resource: monitoring.AlertmanagerConfig;
  /** Namespace of the object, when known (its metadata's or its chart's). */
  public readonly namespace?: string;

  constructor(scope: Construct, id: string, props: AlertmanagerConfigProps) {
    super(scope, id);
    Checks.of(this);
    this.namespace = props.metadata?.namespace ?? Chart.of(this).namespace;
    const labels = withSelectionLabels(this, 'metadata.labels', props.metadata?.labels, this.requiredLabels(props.alertmanager),
      `Alertmanager ${props.alertmanager?.namespace}/${props.alertmanager?.name} selects AlertmanagerConfigs by`);
    if (props.alertmanager) {
      this.checkNamespace(props.alertmanager, props.route);
    }
    const names = receiverNames(this, 'receivers', props.receivers);
    const route = renderRoute(this, props.route, names, RouteFormat.CRD, { allowMatchers: true });
    const spec = {
      route,
      receivers: renderCrdReceivers(this, props.receivers),
      ...(props.inhibitRules && props.inhibitRules.length > 0 ? { inhibitRules: renderCrdInhibitRules(this, props.inhibitRules) } : {}),
    };
    this.resource = new monitoring.AlertmanagerConfig(this, 'Resource', {
      metadata: { ...(props.metadata ?? {}), ...(Object.keys(labels).length > 0 ? { labels } : {}) },
      spec: spec as unknown as monitoring.AlertmanagerConfigSpec,
    });
  }

  /** Name of the AlertmanagerConfig object. */
  public get name(): string {
    return this.resource.name;
  }

  private requiredLabels(alertmanager: Alertmanager | undefined): { [key: string]: string } {
    if (!alertmanager) {
      return {};
    }
    if (alertmanager.alertmanagerConfigSelector.selectsNothing) {
      fail(this, 'alertmanager', `Alertmanager ${alertmanager.namespace}/${alertmanager.name} has no alertmanagerConfigSelector, so it ignores `
        + 'every AlertmanagerConfig. Give it alertmanagerConfigSelector: Selector.matchLabels({...}) (or Selector.all()).');
    }
    return alertmanager.alertmanagerConfigSelector.requiredLabels;
  }

  private checkNamespace(alertmanager: Alertmanager, route: Route): void {
    const known = alertmanager.alertmanagerConfigNamespaceSelector.knownNamespaces(alertmanager.namespace);
    if (this.namespace && known && !known.includes(this.namespace)) {
      fail(this, 'metadata.namespace', `"${this.namespace}" is outside the namespaces Alertmanager ${alertmanager.namespace}/${alertmanager.name} `
        + `reads AlertmanagerConfigs from (${known.join(', ')}). Move this object there or widen its alertmanagerConfigNamespaceSelector.`);
    }
    const enforced = alertmanager.alertmanagerConfigMatcherStrategy === AlertmanagerConfigMatcherStrategy.ON_NAMESPACE
      || (alertmanager.alertmanagerConfigMatcherStrategy === AlertmanagerConfigMatcherStrategy.ON_NAMESPACE_EXCEPT_FOR_ALERTMANAGER_NAMESPACE
        && this.namespace !== alertmanager.namespace);
    const other = (route.matchers ?? []).findIndex((m) => m.name === 'namespace');
    if (enforced && other >= 0) {
      fail(this, `route.matchers[${other}]`, `the operator adds namespace="${this.namespace}" to this route, so a matcher on "namespace" `
        + 'cannot select alerts of other namespaces and only narrows it further. Remove it, or set the Alertmanager\'s '
        + 'alertmanagerConfigMatcherStrategy to NONE.');
    }
  }
}
