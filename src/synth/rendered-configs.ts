import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { IConstruct } from 'constructs';
import { RenderedConfig } from './rendered-config';
import { collectObjects } from '../checks/collect';
import { fail } from '../common/errors';
import { ISelectingPrometheus } from '../common/selecting';
import { AppObjects } from '../prometheus/app-objects';
import { describeObject, InputError, recordSource, sourceOf } from '../resolver/input/source';
import { resolve, ResolvedPrometheus } from '../resolver/resolve';

/** How the cluster's prometheus-operator runs, where that changes the configuration it generates. */
export interface RenderedConfigsOptions {
  /**
   * The cluster supports EndpointSlice discovery and the operator uses it (its `--endpointslice`
   * detection): ServiceMonitors are discovered with role `endpointslice`.
   * @default false - role `endpoints`
   */
  readonly endpointSliceSupport?: boolean;
  /**
   * Feature gates enabled on the operator, e.g. `PrometheusTopologySharding`.
   * @default - none
   */
  readonly featureGates?: string[];
  /**
   * The API server adds pod topology labels (Kubernetes 1.35 PodTopologyLabelsAdmission).
   * @default false
   */
  readonly podTopologyLabelsSupport?: boolean;
}

/** Prefix of the Secret holding the configuration, per kind (the operator's naming). */
const SECRET_PREFIX: { [kind: string]: string } = { Prometheus: 'prometheus', PrometheusAgent: 'prom-agent' };

/**
 * The prometheus.yaml of every Prometheus and PrometheusAgent of a cdk8s app, exactly as
 * prometheus-operator v0.93.0 generates it in the cluster: the objects as the API server stores
 * them (CRD defaults applied), what each Prometheus selects, and the configuration rendered from
 * that. It is computed from every ApiObject of the app as it would be written (after JSON patches).
 *
 * Use `RenderedConfigs.synth(app)` in place of `app.synth()` to also write each configuration
 * beside the manifests, under `prometheus-config/<namespace>/<secret name>.yaml` in the app's
 * output directory. `kubectl apply -f dist/` does not descend into folders (only `-R` does), so
 * the configurations are never applied as manifests. Use `RenderedConfigs.of(app)` in tests and
 * snapshots.
 */
export class RenderedConfigs {
  /** The folder under the app's output directory that holds the configurations. */
  public static readonly DIRECTORY = 'prometheus-config';

  /**
   * Renders the configuration of every Prometheus and PrometheusAgent in the app `scope` belongs
   * to, from its ApiObjects as they are now (within `RenderedConfigs.synth`, from the one reading of
   * the app its synthesis shares). Throws, naming the construct path and the field, when
   * the operator would refuse a Prometheus (an invalid selector, a Secret key it needs that the app
   * does not define).
   * @param scope any construct of the app
   * @param options how the cluster's operator runs
   */
  public static of(scope: IConstruct, options: RenderedConfigsOptions = {}): RenderedConfigs {
    const { objects, sources } = collectObjects(scope.node.root);
    objects.forEach((obj, i) => recordSource(obj, sources[i]));
    try {
      const resolution = resolve(objects, {
        endpointSliceSupport: options.endpointSliceSupport,
        featureGates: options.featureGates,
        podTopologyLabelsSupport: options.podTopologyLabelsSupport,
      });
      return new RenderedConfigs(resolution.prometheuses.map(toRenderedConfig), resolution.warnings);
    } catch (e) {
      if (e instanceof InputError) {
        throw new Error(`cannot render the Prometheus configuration: ${e.message}`);
      }
      throw e;
    }
  }

  /**
   * Synthesizes `app` and writes the configuration of each of its Prometheus beside the manifests:
   * the configurations are rendered first (an error leaves the output directory untouched), then
   * `app.synth()` runs (its validation errors leave the configurations unwritten), then the folder
   * `prometheus-config/` of the output directory is replaced by the new configurations. No user
   * code runs in between, so the app is read once for all of it: the configurations, the checks
   * and the validation of every chart cdk8s synthesizes share one rendering of its objects.
   * @param app the app to synthesize
   * @param options how the cluster's operator runs
   * @returns the configurations written
   */
  public static synth(app: App, options: RenderedConfigsOptions = {}): RenderedConfigs {
    return AppObjects.session(app, () => {
      const configs = RenderedConfigs.of(app, options);
      app.synth();
      configs.writeTo(app.outdir);
      return configs;
    });
  }

  /** One configuration per Prometheus and PrometheusAgent, ordered by kind, namespace and name. */
  public readonly configs: RenderedConfig[];
  /** Warnings about the app's objects as a whole (e.g. two objects of the same kind, namespace and name). */
  public readonly warnings: string[];

  private constructor(configs: RenderedConfig[], warnings: string[]) {
    this.configs = configs;
    this.warnings = warnings;
  }

  /**
   * The configuration of `prometheus` (a Prometheus construct, or a stack standing for one).
   * Throws when the app has no such Prometheus.
   */
  public forPrometheus(prometheus: ISelectingPrometheus): RenderedConfig {
    const found = this.find(prometheus.prometheusKey);
    if (!found) {
      fail(prometheus, 'prometheus', `the app has no Prometheus ${prometheus.prometheusKey} to render `
        + `(rendered: ${this.configs.map((c) => `${c.kind} ${c.key}`).join(', ') || 'none'}). Render from the app the Prometheus belongs to.`);
    }
    return found;
  }

  /**
   * The configuration of the Prometheus (or PrometheusAgent) `namespace/name`, undefined when the
   * app has none.
   * @param key `namespace/name`
   * @param kind `Prometheus` or `PrometheusAgent`
   */
  public find(key: string, kind: string = 'Prometheus'): RenderedConfig | undefined {
    return this.configs.find((c) => c.kind === kind && c.key === key);
  }

  /**
   * Writes each configuration to `<outdir>/prometheus-config/<namespace>/<secret name>.yaml`,
   * replacing whatever that folder held (it is removed when there is no configuration). The
   * folder is written aside and moved into place, so it is never half-written.
   * @param outdir the output directory of the manifests
   * @returns the files written, relative to `outdir`
   */
  public writeTo(outdir: string): string[] {
    const target = path.join(outdir, RenderedConfigs.DIRECTORY);
    fs.mkdirSync(outdir, { recursive: true });
    const staging = fs.mkdtempSync(path.join(outdir, `.${RenderedConfigs.DIRECTORY}-`));
    try {
      for (const config of this.configs) {
        const file = path.join(staging, ...config.fileName.split('/').slice(1));
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, config.yaml);
      }
      fs.rmSync(target, { recursive: true, force: true });
      if (this.configs.length > 0) {
        fs.renameSync(staging, target);
      }
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
    return this.configs.map((c) => c.fileName);
  }
}

function toRenderedConfig(resolved: ResolvedPrometheus): RenderedConfig {
  const { namespace, name } = resolved.prometheus.metadata as { namespace: string; name: string };
  const secretName = `${SECRET_PREFIX[resolved.kind]}-${name}`;
  const s = resolved.selection.selected;
  return {
    kind: resolved.kind,
    namespace,
    name,
    key: resolved.key,
    constructPath: sourceOf(resolved.prometheus)?.constructPath,
    yaml: resolved.yaml,
    config: resolved.config,
    secretName,
    fileName: `${RenderedConfigs.DIRECTORY}/${namespace}/${secretName}.yaml`,
    selected: [...s.serviceMonitors, ...s.podMonitors, ...s.probes, ...s.scrapeConfigs, ...s.rules].map(describeObject),
    warnings: resolved.warnings,
  };
}
