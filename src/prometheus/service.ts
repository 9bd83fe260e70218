import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';

/** Metrics port of the operator's config-reloader sidecar (`reloader-web`). */
export const CONFIG_RELOADER_PORT = 8080;

/** What the Service, PodDisruptionBudget and NetworkPolicy of a Prometheus are built from. */
export interface PrometheusExposure {
  /** Name shared by the Service, PDB and NetworkPolicy. */
  readonly name: string;
  /** Namespace of the Prometheus. */
  readonly namespace: string;
  /** Labels that select the Prometheus pods (every shard and replica). */
  readonly podLabels: { [key: string]: string };
  /** Labels of the objects themselves. */
  readonly labels: { [key: string]: string };
  /** Named container ports to expose: name → port. */
  readonly ports: { [name: string]: number };
}

/** A Service in front of the Prometheus pods, one port per named container port. */
export function prometheusService(scope: Construct, id: string, e: PrometheusExposure): ApiObject {
  return new ApiObject(scope, id, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: e.name, namespace: e.namespace, labels: { ...e.labels } },
    spec: {
      selector: { ...e.podLabels },
      ports: Object.entries(e.ports).map(([name, port]) => ({ name, port, targetPort: name, protocol: 'TCP' })),
    },
  });
}

/** A PodDisruptionBudget that lets voluntary disruptions take down one Prometheus pod at a time. */
export function prometheusPodDisruptionBudget(scope: Construct, id: string, e: PrometheusExposure): ApiObject {
  return new ApiObject(scope, id, {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: e.name, namespace: e.namespace, labels: { ...e.labels } },
    spec: { maxUnavailable: 1, selector: { matchLabels: { ...e.podLabels } } },
  });
}

/**
 * A NetworkPolicy that admits traffic to the Prometheus pods only from the given peers (to the
 * exposed ports) and from the Prometheus pods themselves (self-scraping, including the config
 * reloader's metrics port); egress is not restricted because Prometheus scrapes targets anywhere.
 */
export function prometheusNetworkPolicy(
  scope: Construct, id: string, e: PrometheusExposure, allowFrom: kplus.INetworkPolicyPeer[],
): kplus.NetworkPolicy {
  const ports = Object.values(e.ports).map((p) => kplus.NetworkPolicyPort.tcp(p));
  const self = kplus.Pods.select(scope, `${id}Self`, { labels: { ...e.podLabels } });
  return new kplus.NetworkPolicy(scope, id, {
    metadata: { name: e.name, namespace: e.namespace, labels: { ...e.labels } },
    selector: kplus.Pods.select(scope, `${id}Pods`, { labels: { ...e.podLabels } }),
    ingress: {
      default: kplus.NetworkPolicyTrafficDefault.DENY,
      rules: [
        { peer: self, ports: [...ports, kplus.NetworkPolicyPort.tcp(CONFIG_RELOADER_PORT)] },
        ...allowFrom.map((peer) => ({ peer, ports })),
      ],
    },
  });
}
