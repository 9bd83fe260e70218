import { ApiObject, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { operatorClusterRules } from './operator-rbac';
import { Checks } from '../checks/checks';
import { clusterScoped } from '../common/cluster-scoped';
import { fail } from '../common/errors';
import { renderResources } from '../common/resources';
import { CONFIG_RELOADER_IMAGE, OPERATOR_IMAGE, OPERATOR_VERSION } from '../resolver/defaults/operator-defaults';
import { isDns1123Label } from '../resolver/select/kube-names';

/** Log levels of the operator. */
export enum OperatorLogLevel {
  /** Everything. */
  DEBUG = 'debug',
  /** Normal operation (the operator's default). */
  INFO = 'info',
  /** Warnings and errors. */
  WARN = 'warn',
  /** Errors only. */
  ERROR = 'error',
}

/** Properties of {@link PrometheusOperator}. */
export interface PrometheusOperatorProps {
  /**
   * Namespace of the operator's Deployment, ServiceAccount and Service.
   * @default - the chart's namespace, else "default"
   */
  readonly namespace?: string;
  /**
   * Name of the Deployment, ServiceAccount, Service, ClusterRole and ClusterRoleBinding.
   * @default "prometheus-operator"
   */
  readonly name?: string;
  /**
   * Operator image.
   * @default quay.io/prometheus-operator/prometheus-operator:v0.93.0
   */
  readonly image?: string;
  /**
   * Config reloader image the operator runs next to Prometheus and Alertmanager.
   * @default quay.io/prometheus-operator/prometheus-config-reloader:v0.93.0
   */
  readonly configReloaderImage?: string;
  /**
   * The Service (`namespace/name`) the operator keeps the kubelets' addresses in, for scraping
   * kubelets and cAdvisor.
   * @default "kube-system/kubelet"
   */
  readonly kubeletService?: string;
  /**
   * Also maintain EndpointSlices (not only Endpoints) for the kubelet Service.
   * @default false (as the upstream bundle)
   */
  readonly kubeletEndpointSlice?: boolean;
  /**
   * Namespaces the operator watches.
   * @default - all namespaces
   */
  readonly watchNamespaces?: string[];
  /**
   * Log level.
   * @default OperatorLogLevel.INFO
   */
  readonly logLevel?: OperatorLogLevel;
  /**
   * Resources of the operator container.
   * @default - requests 100m CPU and 100Mi memory, limits 200m CPU and 200Mi memory (the upstream bundle's)
   */
  readonly resources?: kplus.ContainerResources;
}

/** Port of the operator's metrics and health endpoints. */
const OPERATOR_PORT = 8080;

/**
 * prometheus-operator v0.93.0: its Deployment (non-root, read-only root filesystem, no
 * capabilities, RuntimeDefault seccomp), ServiceAccount, ClusterRole with the operator's
 * documented permissions, ClusterRoleBinding and Service (`http`, 8080).
 *
 * The CRDs are not part of this construct: install them from {@link PrometheusOperatorCrds}, a
 * chart of their own applied first with server-side apply.
 *
 * Creating it turns on the synth-time checks of its app ({@link Checks}): mistakes that would
 * make the operator lose targets, rules or alerts fail synth; warnings are printed.
 */
export class PrometheusOperator extends Construct {
  /** The operator release. */
  public static readonly VERSION = OPERATOR_VERSION;

  /** Name of the operator's objects. */
  public readonly name: string;
  /** Namespace of the operator. */
  public readonly namespace: string;
  /** The operator Deployment (child `Resource`). */
  public readonly deployment: ApiObject;
  /** The ServiceAccount the operator runs as. */
  public readonly serviceAccount: ApiObject;
  /** The ClusterRole with the operator's permissions. */
  public readonly clusterRole: ApiObject;
  /** The Service in front of the operator (metrics on port `http`). */
  public readonly service: ApiObject;
  /** Labels of the operator pods. */
  public readonly podSelectorLabels: { [key: string]: string };

  constructor(scope: Construct, id: string, props: PrometheusOperatorProps = {}) {
    super(scope, id);
    Checks.of(this);
    this.name = props.name ?? 'prometheus-operator';
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    for (const [field, value] of [['name', this.name], ['namespace', this.namespace]]) {
      if (!isDns1123Label(value)) {
        fail(this, field, `"${value}" is not a valid ${field}. Use at most 63 lowercase letters, digits or '-', starting and ending with a letter or digit.`);
      }
    }
    const kubeletService = props.kubeletService ?? 'kube-system/kubelet';
    const [kubeletNamespace, kubeletName, ...extra] = kubeletService.split('/');
    if (extra.length > 0 || !isDns1123Label(kubeletNamespace) || !isDns1123Label(kubeletName ?? '')) {
      fail(this, 'kubeletService', `"${kubeletService}" is not a Service reference. Use "namespace/name", for example "kube-system/kubelet".`);
    }
    this.podSelectorLabels = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/name': 'prometheus-operator' };
    const labels = { ...this.podSelectorLabels, 'app.kubernetes.io/version': OPERATOR_VERSION };
    const metadata = { name: this.name, namespace: this.namespace, labels };

    this.serviceAccount = new ApiObject(this, 'ServiceAccount', {
      apiVersion: 'v1', kind: 'ServiceAccount', metadata, automountServiceAccountToken: false,
    });
    this.clusterRole = clusterScoped(new ApiObject(this, 'ClusterRole', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: this.name, labels },
      rules: operatorClusterRules(props.kubeletEndpointSlice ?? false),
    }));
    clusterScoped(new ApiObject(this, 'ClusterRoleBinding', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: this.name, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: this.name },
      subjects: [{ kind: 'ServiceAccount', name: this.name, namespace: this.namespace }],
    }));
    this.deployment = new ApiObject(this, 'Resource', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata,
      spec: {
        replicas: 1,
        selector: { matchLabels: this.podSelectorLabels },
        template: {
          metadata: { labels, annotations: { 'kubectl.kubernetes.io/default-container': 'prometheus-operator' } },
          spec: {
            automountServiceAccountToken: true,
            serviceAccountName: this.name,
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [this.container(props, kubeletService)],
          },
        },
      },
    });
    this.service = new ApiObject(this, 'Service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata,
      spec: {
        clusterIP: 'None',
        selector: this.podSelectorLabels,
        ports: [{ name: 'http', port: OPERATOR_PORT, targetPort: 'http' }],
      },
    });
  }

  private container(props: PrometheusOperatorProps, kubeletService: string): object {
    const args = [
      `--kubelet-service=${kubeletService}`,
      `--prometheus-config-reloader=${props.configReloaderImage ?? CONFIG_RELOADER_IMAGE}`,
      '--kubelet-endpoints=true',
      `--kubelet-endpointslice=${props.kubeletEndpointSlice ?? false}`,
    ];
    if (props.watchNamespaces !== undefined) {
      if (props.watchNamespaces.length === 0) {
        fail(this, 'watchNamespaces', 'an empty list would watch nothing. Leave watchNamespaces out to watch all namespaces, or list at least one.');
      }
      args.push(`--namespaces=${props.watchNamespaces.join(',')}`);
    }
    if (props.logLevel !== undefined) {
      args.push(`--log-level=${props.logLevel}`);
    }
    const resources = renderResources(this, 'resources', props.resources ?? {
      cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(200) },
      memory: { request: Size.mebibytes(100), limit: Size.mebibytes(200) },
    });
    const probe = { httpGet: { path: '/healthz', port: 'http' } };
    return {
      name: 'prometheus-operator',
      image: props.image ?? OPERATOR_IMAGE,
      args,
      env: [{ name: 'GOGC', value: '30' }],
      ports: [{ containerPort: OPERATOR_PORT, name: 'http' }],
      resources,
      livenessProbe: probe,
      readinessProbe: probe,
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    };
  }
}
