import { ApiObjectMetadata, Chart, Duration, Names } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  AlertmanagerSecurityContext, AlertmanagerStorageOptions, DEFAULT_ALERTMANAGER_RESOURCES, renderAlertmanagerResources,
  renderStorage,
} from './alertmanager-pod';
import { renderAlertmanagerYaml } from './config-file';
import { AlertmanagerGlobalOptions } from './global';
import { InhibitRule } from './inhibit-rule';
import { Receiver } from './receiver';
import { Route } from './route';
import { Checks } from '../checks/checks';
import { IAlertmanagerEndpoint } from '../common/alertmanager-endpoint';
import { fail } from '../common/errors';
import { validateKubeLabels } from '../common/labels';
import { NamespaceSelector } from '../common/namespace-selector';
import { restrictedSecurityContext } from '../common/security-context';
import { Selector } from '../common/selector';
import * as monitoring from '../imports/monitoring.coreos.com';
import { ALERTMANAGER_IMAGE_REPOSITORY, DEFAULT_ALERTMANAGER_VERSION } from '../resolver/defaults/operator-defaults';
import { isDns1123Label, isDns1123Subdomain } from '../resolver/select/kube-names';

const WEB_PORT = 9093;

/** How the operator restricts the routes of AlertmanagerConfig objects to their own namespace. */
export enum AlertmanagerConfigMatcherStrategy {
  /** Add `namespace="<AlertmanagerConfig's namespace>"` to their top-level routes and inhibit rules (operator default). */
  ON_NAMESPACE = 'OnNamespace',
  /** Like ON_NAMESPACE, except for AlertmanagerConfigs in the Alertmanager's own namespace. */
  ON_NAMESPACE_EXCEPT_FOR_ALERTMANAGER_NAMESPACE = 'OnNamespaceExceptForAlertmanagerNamespace',
  /** Add no matcher: their routes see alerts from every namespace. */
  NONE = 'None',
}

/** Properties of an Alertmanager. */
export interface AlertmanagerProps {
  /**
   * Name, namespace, labels and annotations of the Alertmanager object. The name must be at most
   * 39 characters (the StatefulSet is `alertmanager-<name>`).
   * @default - a name generated from the construct path, the chart's namespace (else "default")
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * Number of pods; more than one form a high-availability cluster that deduplicates notifications.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * Alertmanager version (the image tag).
   * @default Alertmanager.DEFAULT_VERSION (the operator's default, v0.33.1)
   */
  readonly version?: string;
  /**
   * Container image.
   * @default - `quay.io/prometheus/alertmanager:<version>`
   */
  readonly image?: string;
  /**
   * The routing tree. Every receiver it names must be in `receivers`.
   * @default - every alert goes to the receiver "null", which drops it
   */
  readonly route?: Route;
  /**
   * The receivers routes may name.
   * @default - one receiver, "null", without notifiers
   */
  readonly receivers?: Receiver[];
  /**
   * Inhibit rules.
   * @default []
   */
  readonly inhibitRules?: InhibitRule[];
  /**
   * Global settings shared by the notifiers.
   * @default - Alertmanager's defaults
   */
  readonly global?: AlertmanagerGlobalOptions;
  /**
   * Further Secrets (in the Alertmanager's namespace) to mount under `/etc/alertmanager/secrets/<name>`,
   * besides those the receivers' credentials name, which are mounted automatically.
   * @default []
   */
  readonly secrets?: string[];
  /**
   * User and groups of the pods (always non-root, RuntimeDefault seccomp).
   * @default - user 1000, group 2000, fsGroup 2000
   */
  readonly securityContext?: AlertmanagerSecurityContext;
  /**
   * Container resources.
   * @default - requests cpu 10m and memory 64Mi, memory limit 256Mi
   */
  readonly resources?: kplus.ContainerResources;
  /**
   * A PersistentVolumeClaim per pod for silences and the notification log.
   * @default - an emptyDir: state is kept by the other replicas through gossip, lost if all restart
   */
  readonly storage?: AlertmanagerStorageOptions;
  /**
   * How long silences and the notification log are kept.
   * @default - the operator's default (120h)
   */
  readonly retention?: Duration;
  /**
   * URL under which the Alertmanager is reached from outside (used in notification links).
   * @default - the operator's default (the pod address)
   */
  readonly externalUrl?: string;
  /**
   * Which AlertmanagerConfig objects are merged into the configuration, by label.
   * @default Selector.none() - AlertmanagerConfig objects are ignored
   */
  readonly alertmanagerConfigSelector?: Selector;
  /**
   * Namespaces AlertmanagerConfig objects are read from.
   * @default NamespaceSelector.own() - the Alertmanager's namespace
   */
  readonly alertmanagerConfigNamespaceSelector?: NamespaceSelector;
  /**
   * How AlertmanagerConfig routes are restricted to their namespace.
   * @default AlertmanagerConfigMatcherStrategy.ON_NAMESPACE
   */
  readonly alertmanagerConfigMatcherStrategy?: AlertmanagerConfigMatcherStrategy;
}

/**
 * A prometheus-operator Alertmanager with its configuration. Creates the Alertmanager object
 * (3 replicas, pinned image, Pod Security "restricted"), the `alertmanager-<name>` Secret the
 * operator reads (key `alertmanager.yaml`, rendered from the typed route tree, receivers and
 * inhibit rules, with credentials as `*_file` paths to mounted Secrets), a Service with the `web`
 * port (9093), and a PodDisruptionBudget when there is more than one replica. A Prometheus points
 * its `alerting` section at it through `IAlertmanagerEndpoint`.
 *
 * Creating it turns on the synth-time checks of its app ({@link Checks}): mistakes that would
 * make the operator lose targets, rules or alerts fail synth; warnings are printed.
 */
export class Alertmanager extends Construct implements IAlertmanagerEndpoint {
  /** The Alertmanager version the operator (v0.93.0) runs by default, which this construct pins. */
  public static readonly DEFAULT_VERSION: string = DEFAULT_ALERTMANAGER_VERSION;
  /** The image repository of Alertmanager. */
  public static readonly IMAGE_REPOSITORY: string = ALERTMANAGER_IMAGE_REPOSITORY;
  /** Port of the Alertmanager web API and UI. */
  public static readonly WEB_PORT: number = WEB_PORT;

  /** The generated Alertmanager object (child id `Resource`), for escape hatches such as `addJsonPatch`. */
  public readonly resource: monitoring.Alertmanager;
  /** Name of the Alertmanager object. */
  public readonly name: string;
  /** Namespace of every object this construct creates. */
  public readonly namespace: string;
  /** Name of the Service in front of the pods. */
  public readonly serviceName: string;
  /** Name of the Service port serving the API (`web`). */
  public readonly portName: string = 'web';
  /** Name of the Secret holding alertmanager.yaml (`alertmanager-<name>`, the operator's default). */
  public readonly configSecretName: string;
  /** The rendered alertmanager.yaml. */
  public readonly configYaml: string;
  /** Number of pods. */
  public readonly replicas: number;
  /** Which AlertmanagerConfig objects this Alertmanager merges, by label. */
  public readonly alertmanagerConfigSelector: Selector;
  /** Namespaces AlertmanagerConfig objects are read from. */
  public readonly alertmanagerConfigNamespaceSelector: NamespaceSelector;
  /** How AlertmanagerConfig routes are restricted to their namespace. */
  public readonly alertmanagerConfigMatcherStrategy: AlertmanagerConfigMatcherStrategy;
  /** Labels of the Alertmanager pods the operator creates (the Service and PDB select them). */
  public readonly podSelectorLabels: { [key: string]: string };

  constructor(scope: Construct, id: string, props: AlertmanagerProps = {}) {
    super(scope, id);
    Checks.of(this);
    this.name = props.metadata?.name ?? Names.toDnsLabel(this, { maxLen: 39 });
    this.namespace = props.metadata?.namespace ?? Chart.of(this).namespace ?? 'default';
    validateName(this, this.name);
    validateKubeLabels(this, 'metadata.labels', props.metadata?.labels);
    this.replicas = props.replicas ?? 3;
    if (!Number.isInteger(this.replicas) || this.replicas < 1) {
      fail(this, 'replicas', `${this.replicas} is not allowed. Use a whole number of at least 1 (3 for a highly available cluster).`);
    }
    const version = props.version ?? DEFAULT_ALERTMANAGER_VERSION;
    validateVersion(this, version);
    this.serviceName = `alertmanager-${this.name}`;
    this.configSecretName = `alertmanager-${this.name}`;
    this.podSelectorLabels = { 'app.kubernetes.io/name': 'alertmanager', 'alertmanager': this.name };
    this.alertmanagerConfigSelector = props.alertmanagerConfigSelector ?? Selector.none();
    this.alertmanagerConfigNamespaceSelector = props.alertmanagerConfigNamespaceSelector ?? NamespaceSelector.own();
    this.alertmanagerConfigMatcherStrategy = props.alertmanagerConfigMatcherStrategy ?? AlertmanagerConfigMatcherStrategy.ON_NAMESPACE;

    const rendered = renderAlertmanagerYaml(this, {
      global: props.global,
      route: props.route ?? { receiver: 'null' },
      receivers: props.receivers ?? [{ name: 'null' }],
      inhibitRules: props.inhibitRules,
    });
    this.configYaml = rendered.yaml;
    (props.secrets ?? []).forEach((s, i) => validateSecretName(this, `secrets[${i}]`, s));
    const secrets = [...new Set([...rendered.secrets, ...(props.secrets ?? [])])].sort();

    this.resource = new monitoring.Alertmanager(this, 'Resource', {
      metadata: { ...(props.metadata ?? {}), name: this.name, namespace: this.namespace },
      spec: {
        replicas: this.replicas,
        version,
        image: props.image ?? `${ALERTMANAGER_IMAGE_REPOSITORY}:${version}`,
        portName: this.portName,
        securityContext: restrictedSecurityContext(this, 'securityContext', props.securityContext),
        automountServiceAccountToken: false,
        resources: renderAlertmanagerResources(this, props.resources ?? DEFAULT_ALERTMANAGER_RESOURCES),
        storage: props.storage ? renderStorage(this, props.storage) : undefined,
        retention: props.retention ? hoursDuration(this, props.retention) : undefined,
        externalUrl: props.externalUrl,
        secrets: secrets.length > 0 ? secrets : undefined,
        alertmanagerConfigSelector: this.alertmanagerConfigSelector._toJson(this, 'alertmanagerConfigSelector'),
        alertmanagerConfigNamespaceSelector: this.alertmanagerConfigNamespaceSelector._toJson(this, 'alertmanagerConfigNamespaceSelector'),
        alertmanagerConfigMatcherStrategy: props.alertmanagerConfigMatcherStrategy ? { type: props.alertmanagerConfigMatcherStrategy } : undefined,
      } as monitoring.AlertmanagerSpec,
    });

    new kplus.k8s.KubeSecret(this, 'ConfigSecret', {
      metadata: { name: this.configSecretName, namespace: this.namespace, labels: { ...this.podSelectorLabels } },
      type: 'Opaque',
      stringData: { 'alertmanager.yaml': this.configYaml },
    });
    new kplus.k8s.KubeService(this, 'Service', {
      metadata: { name: this.serviceName, namespace: this.namespace, labels: { ...this.podSelectorLabels } },
      spec: {
        selector: { ...this.podSelectorLabels },
        ports: [{ name: this.portName, port: WEB_PORT, targetPort: kplus.k8s.IntOrString.fromString(this.portName), protocol: 'TCP' }],
        sessionAffinity: 'ClientIP',
      },
    });
    if (this.replicas > 1) {
      new kplus.k8s.KubePodDisruptionBudget(this, 'PodDisruptionBudget', {
        metadata: { name: `alertmanager-${this.name}`, namespace: this.namespace, labels: { ...this.podSelectorLabels } },
        spec: { maxUnavailable: kplus.k8s.IntOrString.fromNumber(1), selector: { matchLabels: { ...this.podSelectorLabels } } },
      });
    }
  }
}

function validateName(scope: Construct, name: string): void {
  if (!isDns1123Label(name, 39)) {
    fail(scope, 'metadata.name', `"${name}" is not a usable Alertmanager name. Use at most 39 lowercase letters, digits or '-', starting and ending `
      + 'alphanumeric (the operator names the StatefulSet alertmanager-<name>, which Kubernetes limits to 52 characters).');
  }
}

function validateVersion(scope: Construct, version: string): void {
  const match = /^v?(\d+)\.(\d+)\.(\d+)([-+].*)?$/.exec(version);
  if (!match || Number(match[1]) !== 0 || Number(match[2]) < 15) {
    fail(scope, 'version', `"${version}" is not a version the operator supports. Use an Alertmanager release from v0.15.0 below v1, e.g. "${DEFAULT_ALERTMANAGER_VERSION}".`);
  }
}

function validateSecretName(scope: Construct, field: string, name: string): void {
  if (!isDns1123Subdomain(name)) {
    fail(scope, field, `"${name}" is not a valid Secret name. Use a DNS subdomain: lowercase letters, digits, '-' and '.'.`);
  }
}

/** Renders a duration with hours as the largest unit, as the Alertmanager CRD's `retention` requires. */
function hoursDuration(scope: Construct, duration: Duration): string {
  const millis = duration.toMilliseconds({ integral: false });
  if (!Number.isInteger(millis) || millis <= 0) {
    fail(scope, 'retention', `${millis}ms is not a valid retention. Use a positive whole number of milliseconds, e.g. Duration.hours(120).`);
  }
  const parts: string[] = [];
  let rest = millis;
  for (const [unit, size] of [['h', 3600000], ['m', 60000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(`${n}${unit}`);
      rest -= n * size;
    }
  }
  return parts.join('');
}
