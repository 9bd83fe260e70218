import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { AppObjects } from './app-objects';
import { PlainObject, planPrometheusRbac, RbacPlan } from './rbac-plan';
import { clusterScoped } from '../common/cluster-scoped';

/** Read access to what target and Alertmanager discovery lists and watches, plus rule ConfigMaps. */
const DISCOVERY_RULES = [
  { apiGroups: [''], resources: ['services', 'endpoints', 'pods'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
];
const INGRESS_RULES = [{ apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: ['get', 'list', 'watch'] }];
const NODE_RULES = [{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] }];
const KUBERNETES_METRICS_RULES = [
  { apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] },
  { nonResourceURLs: ['/metrics'], verbs: ['get'] },
];

/** The kinds the plan reads from the app. */
const PLANNED_KINDS = ['ServiceMonitor', 'PodMonitor', 'Probe', 'ScrapeConfig', 'Namespace'];

/** Properties of {@link PrometheusRbac}. */
export interface PrometheusRbacProps {
  /** The Prometheus CR whose access is computed. */
  readonly prometheus: ApiObject;
  /** Namespace of the Prometheus. */
  readonly namespace: string;
  /** Name of the Prometheus. */
  readonly prometheusName: string;
  /** Name of the ServiceAccount to create and bind. */
  readonly serviceAccountName: string;
  /** Further namespaces to grant discovery access in. */
  readonly extraNamespaces: string[];
  /** Force or forbid Kubernetes metrics access; undefined detects it. */
  readonly kubernetesMetrics?: boolean;
}

/**
 * The ServiceAccount of a Prometheus and the least access it needs, computed at synth time from
 * the objects of the app the Prometheus selects: a Role and RoleBinding in each namespace it reads
 * when those are known, a ClusterRole and ClusterRoleBinding only for what is cluster-wide (all
 * namespaces or namespaces chosen by labels, nodes, `/metrics`).
 */
export class PrometheusRbac extends Construct {
  /** Name of the ServiceAccount the Prometheus pods run as. */
  public readonly serviceAccountName: string;
  /** Name of the Roles, RoleBindings, ClusterRole and ClusterRoleBinding. */
  public readonly rbacName: string;
  /** The reading the access objects were last computed from, the construct holding them, and the errors reported then. */
  private materialized?: { readonly from: AppObjects; readonly access?: Construct; readonly errors: string[] };

  constructor(scope: Construct, id: string, private readonly props: PrometheusRbacProps) {
    super(scope, id);
    this.serviceAccountName = props.serviceAccountName;
    this.rbacName = `prometheus-${props.namespace}-${props.prometheusName}`;
    new ApiObject(this, 'ServiceAccount', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: this.serviceAccountName, namespace: props.namespace },
    });
    // Monitors may be added anywhere in the app after the Prometheus: the access objects are
    // created when the app is validated, just before its objects are collected for output.
    this.node.addValidation({ validate: () => this.materializeOrReport() });
  }

  /** The access the Prometheus needs, from the app as it is now. */
  public plan(): RbacPlan {
    return this.planFrom(AppObjects.collect(this));
  }

  /**
   * Creates the access objects; a bad object elsewhere in the app is reported with the other
   * validation errors. The plan depends only on the reading (and the props), so validated again
   * with the same reading (later in the same pass, or in the same synthesis session) while its
   * access objects are still in place, it keeps them and reports what it reported then.
   */
  private materializeOrReport(): string[] {
    // The Prometheus RBAC constructs validated in one pass read the app's objects once.
    const objects = AppObjects.forValidation(this);
    const last = this.materialized;
    if (last?.from === objects && this.node.tryFindChild('Access') === last.access) {
      return last.errors;
    }
    let errors: string[] = [];
    try {
      this.materialize(objects);
    } catch (e) {
      // Rendering another object failed (cdk8s wraps the cause, often a ValidationError, in its message).
      errors = [`cannot compute the Prometheus's RBAC: ${(e as Error).message}`];
    }
    this.materialized = { from: objects, access: this.node.tryFindChild('Access') as Construct | undefined, errors };
    return errors;
  }

  private materialize(objects: AppObjects): void {
    const plan = this.planFrom(objects);
    this.node.tryRemoveChild('Access');
    const access = new Construct(this, 'Access');
    const discovery = new Set(plan.clusterWide ? [] : plan.namespaces);
    const ingress = new Set(plan.ingressesClusterWide ? [] : plan.ingressNamespaces);
    for (const ns of [...new Set([...discovery, ...ingress])].sort()) {
      const rules = [...(discovery.has(ns) ? DISCOVERY_RULES : []), ...(ingress.has(ns) ? INGRESS_RULES : [])];
      this.role(access, ns, rules);
    }
    const clusterRules = [
      ...(plan.clusterWide ? DISCOVERY_RULES : []),
      ...(plan.ingressesClusterWide ? INGRESS_RULES : []),
      ...(plan.nodes ? NODE_RULES : []),
      ...(plan.kubernetesMetrics ? KUBERNETES_METRICS_RULES : []),
    ];
    if (clusterRules.length > 0) {
      this.clusterRole(access, clusterRules);
    }
  }

  /** The plan from `objects`, which the Prometheus's own lazily computed fields (its default namespace selectors) read too. */
  private planFrom(objects: AppObjects): RbacPlan {
    return objects.use(() => {
      const planned: PlainObject[] = objects.ofKinds(PLANNED_KINDS);
      return planPrometheusRbac(objects.render(this.props.prometheus), planned, {
        extraNamespaces: this.props.extraNamespaces,
        kubernetesMetrics: this.props.kubernetesMetrics,
      });
    });
  }

  private role(scope: Construct, namespace: string, rules: object[]): void {
    new ApiObject(scope, `Role-${namespace}`, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: this.rbacName, namespace },
      rules: clone(rules),
    });
    new ApiObject(scope, `RoleBinding-${namespace}`, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: this.rbacName, namespace },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: this.rbacName },
      subjects: [this.subject()],
    });
  }

  private clusterRole(scope: Construct, rules: object[]): void {
    clusterScoped(new ApiObject(scope, 'ClusterRole', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: this.rbacName },
      rules: clone(rules),
    }));
    clusterScoped(new ApiObject(scope, 'ClusterRoleBinding', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: this.rbacName },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: this.rbacName },
      subjects: [this.subject()],
    }));
  }

  private subject(): object {
    return { kind: 'ServiceAccount', name: this.serviceAccountName, namespace: this.props.namespace };
  }
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}
