import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { renderScrapeEndpoint, ScrapeEndpointJson, ScrapeEndpointOptions } from './endpoint';
import { KubernetesMonitorProps, namespaceOf, renderKubernetesMonitor, renderMetadata } from './scrape-object';
import { Checks } from '../checks/checks';
import { fail } from '../common/errors';
import { validatePortName, validatePortNumber } from '../common/labels';
import { SelectableKind } from '../common/selecting';
import * as monitoring from '../imports/monitoring.coreos.com';

/** One endpoint of a PodMonitor: a container port (by name or number) and how to scrape it. */
export interface PodMetricsEndpoint extends ScrapeEndpointOptions {
  /**
   * Name of the container port to scrape: a DNS-1035 label of at most 15 characters. Give
   * exactly one of `port` and `portNumber`.
   * @default - none; then `portNumber` is required
   */
  readonly port?: string;
  /**
   * Number of a container port the pod declares, to scrape.
   * @default - none; then `port` is required
   */
  readonly portNumber?: number;
}

/** Properties of a PodMonitor. */
export interface PodMonitorProps extends KubernetesMonitorProps {
  /**
   * Endpoints to scrape; more can be added with `addEndpoint()`. At least one is needed by synth time.
   * @default []
   */
  readonly podMetricsEndpoints?: PodMetricsEndpoint[];
}

/**
 * A prometheus-operator PodMonitor: scrapes a port of each pod whose labels match `selector`,
 * in the namespaces `namespaceSelector` names, without needing a Service.
 *
 * Creating it turns on the synth-time checks of its app ({@link Checks}): mistakes that would
 * make the operator lose targets, rules or alerts fail synth; warnings are printed.
 */
export class PodMonitor extends Construct {
  /** The generated PodMonitor object (child id `Resource`), for escape hatches such as `addJsonPatch`. */
  public readonly resource: monitoring.PodMonitor;
  /** Namespace of the PodMonitor, when known (its metadata's or its chart's). */
  public readonly namespace?: string;
  private readonly endpoints: Array<ScrapeEndpointJson & { port?: string; portNumber?: number }> = [];

  constructor(scope: Construct, id: string, props: PodMonitorProps) {
    super(scope, id);
    Checks.of(this);
    this.namespace = namespaceOf(this, props.metadata);
    const metadata = renderMetadata(this, SelectableKind.POD_MONITOR, props.metadata, props.prometheus);
    const common = renderKubernetesMonitor(this, props, 'pods');
    (props.podMetricsEndpoints ?? []).forEach((endpoint) => this.addEndpoint(endpoint));
    const spec = {
      ...common,
      podMetricsEndpoints: Lazy.any({ produce: () => this.endpoints.map((e) => ({ ...e })) }),
    };
    this.resource = new monitoring.PodMonitor(this, 'Resource', { metadata, spec: spec as unknown as monitoring.PodMonitorSpec });
    this.node.addValidation({
      validate: () => this.endpoints.length > 0 ? [] : ['podMetricsEndpoints: the PodMonitor has no endpoint. Pass podMetricsEndpoints or call addEndpoint() with a container port.'],
    });
  }

  /** Name of the PodMonitor object. */
  public get name(): string {
    return this.resource.name;
  }

  /** Names of the container ports this monitor scrapes (endpoints given by number are left out). */
  public get portNames(): string[] {
    return this.endpoints.flatMap((e) => e.port !== undefined ? [e.port] : []);
  }

  /** Adds an endpoint (validated now; errors name `podMetricsEndpoints[<index>]`). */
  public addEndpoint(endpoint: PodMetricsEndpoint): void {
    const prefix = `podMetricsEndpoints[${this.endpoints.length}].`;
    if ((endpoint.port === undefined) === (endpoint.portNumber === undefined)) {
      fail(this, `${prefix}port`, 'give exactly one of port (a container port name) and portNumber. Prefer the port name.');
    }
    if (endpoint.port !== undefined) {
      validatePortName(this, `${prefix}port`, endpoint.port);
    }
    if (endpoint.portNumber !== undefined) {
      validatePortNumber(this, `${prefix}portNumber`, endpoint.portNumber);
    }
    this.endpoints.push({
      ...(endpoint.port !== undefined ? { port: endpoint.port } : {}),
      ...(endpoint.portNumber !== undefined ? { portNumber: endpoint.portNumber } : {}),
      ...renderScrapeEndpoint(this, prefix, endpoint, this.namespace),
    });
  }
}
