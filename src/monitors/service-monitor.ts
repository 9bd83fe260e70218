import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { renderScrapeEndpoint, ScrapeEndpointJson, ScrapeEndpointOptions } from './endpoint';
import { KubernetesMonitorProps, namespaceOf, renderKubernetesMonitor, renderMetadata, validateKubeLabelKey } from './scrape-object';
import { Checks } from '../checks/checks';
import { validatePortName } from '../common/labels';
import { SelectableKind } from '../common/selecting';
import * as monitoring from '../imports/monitoring.coreos.com';

/** One endpoint of a ServiceMonitor: a named Service port and how to scrape it. */
export interface ServiceMonitorEndpoint extends ScrapeEndpointOptions {
  /**
   * Name of the Service port to scrape (`spec.ports[].name`): a DNS-1035 label of at most 15
   * characters. Services should use named ports so that monitors can refer to them.
   */
  readonly port: string;
}

/** How a ServiceMonitor's targets are discovered. */
export enum ServiceDiscoveryRole {
  /** The Endpoints API. */
  ENDPOINTS = 'Endpoints',
  /** The EndpointSlice API. */
  ENDPOINT_SLICE = 'EndpointSlice',
}

/** Properties of a ServiceMonitor. */
export interface ServiceMonitorProps extends KubernetesMonitorProps {
  /**
   * Endpoints to scrape; more can be added with `addEndpoint()`. At least one is needed by synth time.
   * @default []
   */
  readonly endpoints?: ServiceMonitorEndpoint[];
  /**
   * Service labels copied onto the scraped metrics.
   * @default - none
   */
  readonly targetLabels?: string[];
  /**
   * Discovery role for this monitor.
   * @default - the Prometheus's `serviceDiscoveryRole`
   */
  readonly serviceDiscoveryRole?: ServiceDiscoveryRole;
}

/**
 * A prometheus-operator ServiceMonitor: scrapes the endpoints behind the Services whose own labels
 * match `selector`, in the namespaces `namespaceSelector` names.
 *
 * Creating it turns on the synth-time checks of its app ({@link Checks}): mistakes that would
 * make the operator lose targets, rules or alerts fail synth; warnings are printed.
 */
export class ServiceMonitor extends Construct {
  /** The generated ServiceMonitor object (child id `Resource`), for escape hatches such as `addJsonPatch`. */
  public readonly resource: monitoring.ServiceMonitor;
  /** Namespace of the ServiceMonitor, when known (its metadata's or its chart's). */
  public readonly namespace?: string;
  private readonly endpoints: Array<ScrapeEndpointJson & { port: string }> = [];

  constructor(scope: Construct, id: string, props: ServiceMonitorProps) {
    super(scope, id);
    Checks.of(this);
    this.namespace = namespaceOf(this, props.metadata);
    const metadata = renderMetadata(this, SelectableKind.SERVICE_MONITOR, props.metadata, props.prometheus);
    const common = renderKubernetesMonitor(this, props, 'Services');
    (props.targetLabels ?? []).forEach((label, i) => validateKubeLabelKey(this, `targetLabels[${i}]`, label));
    (props.endpoints ?? []).forEach((endpoint) => this.addEndpoint(endpoint));
    const spec = {
      ...common,
      ...(props.targetLabels && props.targetLabels.length > 0 ? { targetLabels: [...props.targetLabels] } : {}),
      ...(props.serviceDiscoveryRole ? { serviceDiscoveryRole: props.serviceDiscoveryRole } : {}),
      endpoints: Lazy.any({ produce: () => this.endpoints.map((e) => ({ ...e })) }),
    };
    this.resource = new monitoring.ServiceMonitor(this, 'Resource', { metadata, spec: spec as unknown as monitoring.ServiceMonitorSpec });
    this.node.addValidation({
      validate: () => this.endpoints.length > 0 ? [] : ['endpoints: the ServiceMonitor has no endpoint. Pass endpoints or call addEndpoint() with a Service port name.'],
    });
  }

  /** Name of the ServiceMonitor object. */
  public get name(): string {
    return this.resource.name;
  }

  /** Names of the Service ports this monitor scrapes, in endpoint order. */
  public get portNames(): string[] {
    return this.endpoints.map((e) => e.port);
  }

  /** Adds an endpoint (validated now; errors name `endpoints[<index>]`). */
  public addEndpoint(endpoint: ServiceMonitorEndpoint): void {
    const prefix = `endpoints[${this.endpoints.length}].`;
    validatePortName(this, `${prefix}port`, endpoint.port);
    this.endpoints.push({ port: endpoint.port, ...renderScrapeEndpoint(this, prefix, endpoint, this.namespace) });
  }
}
