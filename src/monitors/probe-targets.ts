import { IConstruct } from 'constructs';
import { RelabelConfig, renderRelabelConfigs } from './relabel';
import { fail } from '../common/errors';
import { MonitorNamespaceSelector } from '../common/namespace-selector';
import { Selector } from '../common/selector';
import { isValidLabelName } from '../resolver/relabel/label-names';

/** Options of a static list of probe targets. */
export interface StaticProbeTargetsOptions {
  /**
   * Labels attached to every metric from these targets (Prometheus label names).
   * @default - none
   */
  readonly labels?: { [name: string]: string };
  /**
   * Relabeling applied to the targets before probing.
   * @default - none
   */
  readonly relabelings?: RelabelConfig[];
}

/** Options of probe targets discovered from Ingress objects. */
export interface IngressProbeTargetsOptions {
  /** Which Ingresses to probe, by label (`Selector.all()` for every one). */
  readonly selector: Selector;
  /**
   * Namespaces to look for Ingresses in.
   * @default MonitorNamespaceSelector.own() - the Probe's own namespace
   */
  readonly namespaceSelector?: MonitorNamespaceSelector;
  /**
   * Relabeling applied to the targets before probing.
   * @default - none
   */
  readonly relabelings?: RelabelConfig[];
}

/** What a Probe probes: a static list of addresses or URLs, or the hosts of selected Ingresses. */
export class ProbeTargets {
  /** Probes these addresses or URLs (the prober's `target` parameter), e.g. `https://example.com`. */
  public static staticTargets(targets: string[], options: StaticProbeTargetsOptions = {}): ProbeTargets {
    return new ProbeTargets(targets, undefined, options);
  }

  /** Probes each host and path of the Ingresses matching `options.selector`. */
  public static ingresses(options: IngressProbeTargetsOptions): ProbeTargets {
    return new ProbeTargets(undefined, options, {});
  }

  private constructor(
    private readonly targets: string[] | undefined,
    private readonly ingress: IngressProbeTargetsOptions | undefined,
    private readonly staticOptions: StaticProbeTargetsOptions,
  ) {}

  /**
   * The `spec.targets` JSON, validated; errors name `field`.
   * @internal
   */
  public _toJson(scope: IConstruct, field: string): { [key: string]: unknown } {
    if (this.ingress) {
      if (this.ingress.selector.selectsNothing) {
        fail(scope, `${field}.ingress.selector`, 'Selector.none() selects no Ingress. Use Selector.matchLabels({...}) or Selector.all().');
      }
      const namespaceSelector = (this.ingress.namespaceSelector ?? MonitorNamespaceSelector.own())._toJson(scope, `${field}.ingress.namespaceSelector`);
      const relabelings = renderRelabelConfigs(scope, `${field}.ingress.relabelingConfigs`, this.ingress.relabelings);
      return {
        ingress: {
          selector: this.ingress.selector._toJson(scope, `${field}.ingress.selector`),
          ...(namespaceSelector ? { namespaceSelector } : {}),
          ...(relabelings ? { relabelingConfigs: relabelings } : {}),
        },
      };
    }
    const targets = this.targets ?? [];
    if (targets.length === 0) {
      fail(scope, `${field}.staticConfig.static`, 'the list of targets is empty. Give at least one address or URL to probe.');
    }
    targets.forEach((target, i) => {
      if (target.trim() === '') {
        fail(scope, `${field}.staticConfig.static[${i}]`, 'the target is empty. Give an address or URL to probe.');
      }
    });
    for (const name of Object.keys(this.staticOptions.labels ?? {})) {
      if (!isValidLabelName(name)) {
        fail(scope, `${field}.staticConfig.labels.${name}`, `"${name}" is not a valid Prometheus label name. Use letters, digits and '_', not starting with a digit.`);
      }
    }
    const relabelings = renderRelabelConfigs(scope, `${field}.staticConfig.relabelingConfigs`, this.staticOptions.relabelings);
    return {
      staticConfig: {
        static: [...targets],
        ...(this.staticOptions.labels && Object.keys(this.staticOptions.labels).length > 0 ? { labels: { ...this.staticOptions.labels } } : {}),
        ...(relabelings ? { relabelingConfigs: relabelings } : {}),
      },
    };
  }
}
