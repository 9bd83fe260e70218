/**
 * The resolver's whole pipeline over a set of Kubernetes objects: objects as the API server
 * stores them (CRD defaults, default namespace), then for each Prometheus and PrometheusAgent
 * the selection the operator makes and the prometheus.yaml it generates from it.
 */

import { applyCrdDefaults, withDefaultNamespace } from './defaults';
import { carrySource, describeObject, InputError, sourceOf } from './input/source';
import { renderPrometheusConfig, toPrometheusYaml } from './render';
import { RenderError } from './render/errors';
import { ObjectIndex, selectFor } from './select';
import { PrometheusSelection } from './select/types';
import { KubeObject, objectKey, OperatorOptions } from './types';

/** Options of {@link resolve}: the operator's options plus how to treat the input. */
export interface ResolveOptions extends OperatorOptions {
  /**
   * Render every ServiceMonitor, PodMonitor, Probe and ScrapeConfig as if selected and accepted
   * (as the operator's configuration generator tests do); PrometheusRules are still selected.
   */
  skipSelection?: boolean;
  /** Take the objects exactly as given: no CRD defaults, no default namespace. */
  noDefaults?: boolean;
  /** Resolve only the Prometheus or PrometheusAgent `namespace/name` (an InputError when there is none). */
  prometheus?: string;
}

/** The outcome for one Prometheus or PrometheusAgent. */
export interface ResolvedPrometheus {
  /** `namespace/name` of the Prometheus. */
  key: string;
  /** `Prometheus` or `PrometheusAgent`. */
  kind: string;
  /** The Prometheus as resolved (with defaults unless noDefaults). */
  prometheus: KubeObject;
  /** What it selects and rejects. */
  selection: PrometheusSelection;
  /** The generated configuration as data. */
  config: Record<string, unknown>;
  /** The generated configuration as the prometheus.yaml text. */
  yaml: string;
  /** What the operator would log: rejected and undecided objects, unmanaged configuration, dropped fields. */
  warnings: string[];
}

/** The outcome for a set of objects. */
export interface Resolution {
  /** One entry per Prometheus and PrometheusAgent, ordered by kind, namespace and name. */
  prometheuses: ResolvedPrometheus[];
  /** Warnings about the input as a whole (objects that replace others of the same kind, namespace and name). */
  warnings: string[];
}

/** The kinds the generator reads besides monitors (RenderInput.objects). */
const SUPPORT_KINDS = new Set(['Secret', 'ConfigMap', 'Namespace']);

/**
 * Resolves every Prometheus and PrometheusAgent among `objects`. Throws an {@link InputError}
 * naming the object's file and document when the operator would refuse the input (an invalid
 * selector, a missing Secret key the Prometheus refers to, an unknown `prometheus` option).
 */
export function resolve(objects: readonly KubeObject[], options: ResolveOptions = {}): Resolution {
  const { stored, selections, warnings } = prepare(objects, options);
  const support = stored.filter((o) => o.apiVersion === 'v1' && SUPPORT_KINDS.has(o.kind));
  const renderOptions: OperatorOptions = {
    endpointSliceSupport: options.endpointSliceSupport,
    featureGates: options.featureGates,
    podTopologyLabelsSupport: options.podTopologyLabelsSupport,
  };
  const prometheuses = selections.map((selection) => {
    const p = selection.prometheus;
    let rendered;
    try {
      rendered = renderPrometheusConfig({
        prometheus: p,
        serviceMonitors: selection.selected.serviceMonitors,
        podMonitors: selection.selected.podMonitors,
        probes: selection.selected.probes,
        scrapeConfigs: selection.selected.scrapeConfigs,
        objects: support,
        ruleConfigMapNames: selection.ruleConfigMapNames,
        options: renderOptions,
      });
    } catch (e) {
      if (e instanceof RenderError) throw new InputError(e.message, sourceOf(e.object ?? p) ?? findSource(stored, e.object) ?? sourceOf(p));
      throw e;
    }
    return {
      key: objectKey(p),
      kind: p.kind,
      prometheus: p,
      selection,
      config: rendered.config,
      yaml: toPrometheusYaml(rendered.config),
      warnings: [...selectionWarnings(selection), ...rendered.warnings],
    };
  });
  return { prometheuses, warnings };
}

/** The selections of {@link resolveSelections}. */
export interface SelectionResolution {
  /** One selection per Prometheus and PrometheusAgent, ordered by kind, namespace and name. */
  selections: PrometheusSelection[];
  /** Warnings about the input as a whole. */
  warnings: string[];
}

/**
 * The selection step of {@link resolve} alone (no rendering): objects as stored, then what each
 * Prometheus selects and rejects. Throws an InputError when a Prometheus cannot be reconciled.
 */
export function resolveSelections(objects: readonly KubeObject[], options: ResolveOptions = {}): SelectionResolution {
  const { selections, warnings } = prepare(objects, options);
  return { selections, warnings };
}

function prepare(objects: readonly KubeObject[], options: ResolveOptions) {
  const stored = options.noDefaults ? [...objects] : objects.map((o) => carrySource(o, withDefaultNamespace(applyCrdDefaults(o))));
  const index = new ObjectIndex(stored);
  const selections = pick(index.prometheuses(), options.prometheus).map((p) => {
    const selection = selectFor(p, index, { allMonitors: options.skipSelection === true });
    if (selection.error !== undefined) throw new InputError(`${describeObject(p)}: ${selection.error}`, sourceOf(p));
    return selection;
  });
  const warnings = index.duplicates.map((d) => `${describeObject(d)} appears more than once; the last one is used`);
  return { stored, selections, warnings };
}

function pick(prometheuses: KubeObject[], key: string | undefined): KubeObject[] {
  if (key === undefined) return prometheuses;
  const found = prometheuses.filter((p) => objectKey(p) === key);
  if (found.length === 0) {
    const known = prometheuses.map(objectKey);
    throw new InputError(`no Prometheus or PrometheusAgent ${JSON.stringify(key)} in the input (expected namespace/name; found: ${known.length > 0 ? known.join(', ') : 'none'})`);
  }
  return found;
}

/** The source of the input object with the same kind, namespace and name as `obj` (the renderer may hand back a copy). */
function findSource(objects: readonly KubeObject[], obj: KubeObject | undefined) {
  if (!obj) return undefined;
  const match = objects.find((o) => o.kind === obj.kind && objectKey(o) === objectKey(obj));
  return match ? sourceOf(match) : undefined;
}

function selectionWarnings(selection: PrometheusSelection): string[] {
  const out: string[] = [];
  if (selection.unmanaged) {
    out.push('the configuration is unmanaged: none of serviceMonitorSelector, podMonitorSelector, probeSelector and scrapeConfigSelector '
      + 'is set, so the operator does not write this configuration (it keeps whatever the prometheus-<name> Secret holds)');
  }
  for (const r of selection.rejected) out.push(`${describeObject(r.object)} rejected: ${r.reason}`);
  for (const u of selection.undecided) out.push(`${describeObject(u.object)} may or may not be selected: ${u.reason}`);
  return out;
}
