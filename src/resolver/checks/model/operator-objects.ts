/**
 * The pods and governing Services prometheus-operator v0.93.0 creates for the Prometheus,
 * PrometheusAgent, Alertmanager and ThanosRuler objects of an app (statefulset.go and
 * operator.go of each controller): Services in the app may select those pods, monitors may
 * select those Services, and Prometheus `alerting` usually points at `alertmanager-operated`.
 */

import { containersOf, PodTemplate, TemplateContainer } from './pod-templates';
import { KubeObject, MONITORING_GROUP } from '../../types';

const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'prometheus-operator' };
const RELOADER: TemplateContainer = {
  name: 'config-reloader', init: false, ports: [{ name: 'reloader-web', containerPort: 8080, protocol: 'TCP' }],
};

interface OperatedKind {
  /** `app.kubernetes.io/name` of the pods and selector of the governing Service. */
  readonly appName: string;
  /** The governing Service's name. */
  readonly serviceName: string;
  /** The label the governing Service carries (`operated-prometheus: "true"`). */
  readonly serviceLabel?: string;
  /** Extra selector labels of the pods, from the object's name. */
  readonly podLabels: (name: string) => Record<string, string>;
  /** The main container and its ports. */
  readonly containers: (spec: any) => TemplateContainer[];
  /** The governing Service's ports. */
  readonly servicePorts: (spec: any) => any[];
}

const KINDS: Record<string, OperatedKind> = {
  Prometheus: {
    appName: 'prometheus',
    serviceName: 'prometheus-operated',
    serviceLabel: 'operated-prometheus',
    podLabels: (name) => ({ 'prometheus': name, 'operator.prometheus.io/name': name, 'operator.prometheus.io/shard': '0' }),
    containers: (spec) => [prometheusContainer(spec), ...thanosSidecar(spec), RELOADER],
    servicePorts: (spec) => [
      { name: portName(spec), port: 9090, targetPort: portName(spec) },
      ...(spec?.thanos ? [{ name: 'grpc', port: 10901, targetPort: 'grpc' }] : []),
    ],
  },
  PrometheusAgent: {
    appName: 'prometheus-agent',
    serviceName: 'prometheus-agent-operated',
    serviceLabel: 'operated-prometheus',
    podLabels: (name) => ({ 'operator.prometheus.io/name': name, 'operator.prometheus.io/shard': '0' }),
    containers: (spec) => [prometheusContainer(spec), RELOADER],
    servicePorts: (spec) => [{ name: portName(spec), port: 9090, targetPort: portName(spec) }],
  },
  Alertmanager: {
    appName: 'alertmanager',
    serviceName: 'alertmanager-operated',
    serviceLabel: 'operated-alertmanager',
    podLabels: (name) => ({ alertmanager: name }),
    containers: (spec) => [{
      name: 'alertmanager',
      init: false,
      ports: [
        ...(spec?.listenLocal ? [] : [{ name: portName(spec), containerPort: 9093, protocol: 'TCP' }]),
        { name: 'mesh-tcp', containerPort: 9094, protocol: 'TCP' },
        { name: 'mesh-udp', containerPort: 9094, protocol: 'UDP' },
      ],
    }, RELOADER],
    servicePorts: (spec) => [
      { name: portName(spec), port: 9093, targetPort: portName(spec) },
      { name: 'tcp-mesh', port: 9094, targetPort: 'mesh-tcp' },
      { name: 'udp-mesh', port: 9094, targetPort: 'mesh-udp', protocol: 'UDP' },
    ],
  },
  ThanosRuler: {
    appName: 'thanos-ruler',
    serviceName: 'thanos-ruler-operated',
    podLabels: (name) => ({ 'thanos-ruler': name }),
    containers: (spec) => [{
      name: 'thanos-ruler',
      init: false,
      ports: [
        { name: 'grpc', containerPort: 10901, protocol: 'TCP' },
        ...(spec?.listenLocal ? [] : [{ name: portName(spec), containerPort: 10902, protocol: 'TCP' }]),
      ],
    }, RELOADER],
    servicePorts: (spec) => [{ name: portName(spec), port: 10902, targetPort: portName(spec) }, { name: 'grpc', port: 10901, targetPort: 'grpc' }],
  },
};

/** True when `obj` is a monitoring.coreos.com object the operator turns into pods. */
export function isOperatedObject(obj: KubeObject): boolean {
  return KINDS[obj.kind] !== undefined && typeof obj.apiVersion === 'string' && obj.apiVersion.startsWith(`${MONITORING_GROUP}/`);
}

/** The pod template the operator creates for a Prometheus, PrometheusAgent, Alertmanager or ThanosRuler. */
export function operatedPodTemplate(obj: KubeObject): PodTemplate | undefined {
  const k = isOperatedObject(obj) ? KINDS[obj.kind] : undefined;
  if (!k) return undefined;
  const name = obj.metadata.name ?? '';
  const namespace = obj.metadata.namespace ?? '';
  const spec = obj.spec ?? {};
  const userLabels: Record<string, string> = {};
  for (const [key, v] of Object.entries(spec.podMetadata?.labels ?? {})) userLabels[key] = String(v);
  return {
    owner: obj,
    description: `${obj.kind} ${namespace}/${name} (pods created by the operator)`,
    namespace,
    labels: {
      ...userLabels,
      ...MANAGED_BY,
      'app.kubernetes.io/name': k.appName,
      'app.kubernetes.io/instance': name,
      ...k.podLabels(name),
    },
    containers: [...k.containers(spec), ...containersOf({ containers: spec.containers })
      .filter((c) => !k.containers(spec).some((own) => own.name === c.name))],
    replicas: typeof spec.replicas === 'number' ? spec.replicas : 1,
  };
}

/** The governing Service the operator creates in the namespace of `obj` (one per kind and namespace). */
export function operatedService(obj: KubeObject): KubeObject | undefined {
  const k = isOperatedObject(obj) ? KINDS[obj.kind] : undefined;
  if (!k) return undefined;
  if (obj.kind !== 'Alertmanager' && obj.kind !== 'ThanosRuler' && obj.spec?.serviceName) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: k.serviceName,
      namespace: obj.metadata.namespace,
      labels: k.serviceLabel ? { [k.serviceLabel]: 'true' } : {},
    },
    spec: {
      clusterIP: 'None',
      selector: { 'app.kubernetes.io/name': k.appName },
      ports: k.servicePorts(obj.spec ?? {}),
    },
  };
}

function portName(spec: any): string {
  return typeof spec?.portName === 'string' && spec.portName !== '' ? spec.portName : 'web';
}

function prometheusContainer(spec: any): TemplateContainer {
  return {
    name: 'prometheus',
    init: false,
    ports: spec?.listenLocal ? [] : [{ name: portName(spec), containerPort: 9090, protocol: 'TCP' }],
  };
}

function thanosSidecar(spec: any): TemplateContainer[] {
  if (!spec?.thanos) return [];
  return [{
    name: 'thanos-sidecar',
    init: false,
    ports: [{ name: 'http', containerPort: 10902, protocol: 'TCP' }, { name: 'grpc', containerPort: 10901, protocol: 'TCP' }],
  }];
}
