/**
 * Selection: for each Prometheus and PrometheusAgent, the ServiceMonitors, PodMonitors, Probes,
 * ScrapeConfigs and PrometheusRules the operator picks up (label selector and namespace
 * selector), then its rejection checks on each of them, and the rule ConfigMaps it creates.
 * Mirrors pkg/prometheus/resource_selector.go, pkg/operator/rules.go and the server and agent
 * controllers of prometheus-operator v0.93.0.
 */

import { prometheusVersionOf } from '../defaults/operator-defaults';
import { parseVersion, SemVer } from '../render/version';
import { KubeObject } from '../types';
import { AssetChecker } from './checks/assets';
import { CheckError } from './checks/check-error';
import { CheckContext } from './checks/common';
import { checkPodMonitor, checkProbe, checkServiceMonitor } from './checks/monitors';
import { checkScrapeConfig } from './checks/scrape-config';
import { compileLabelSelector, LabelSelectorError } from './label-selector';
import { NamespaceScope } from './namespace-scope';
import { ObjectIndex, SelectableKind } from './object-index';
import { buildRuleFiles } from './rules/rule-files';
import { PrometheusSelection, SelectedObjects, Undecided } from './types';

/** How one kind is selected: the Prometheus spec fields and the operator's check. */
interface KindRule {
  readonly kind: SelectableKind;
  readonly plural: string;
  readonly selector: string;
  readonly namespaceSelector: string;
  readonly check?: (ctx: CheckContext, obj: KubeObject) => void;
}

/** The monitor kinds in the order the operator selects them, with their Prometheus spec fields. */
export const MONITOR_KINDS: readonly KindRule[] = [
  { kind: 'ServiceMonitor', plural: 'ServiceMonitors', selector: 'serviceMonitorSelector', namespaceSelector: 'serviceMonitorNamespaceSelector', check: checkServiceMonitor },
  { kind: 'PodMonitor', plural: 'PodMonitors', selector: 'podMonitorSelector', namespaceSelector: 'podMonitorNamespaceSelector', check: checkPodMonitor },
  { kind: 'Probe', plural: 'Probes', selector: 'probeSelector', namespaceSelector: 'probeNamespaceSelector', check: checkProbe },
  { kind: 'ScrapeConfig', plural: 'ScrapeConfigs', selector: 'scrapeConfigSelector', namespaceSelector: 'scrapeConfigNamespaceSelector', check: checkScrapeConfig },
];

/** How PrometheusRules are selected (Prometheus only). */
export const RULE_KIND: KindRule = {
  kind: 'PrometheusRule', plural: 'PrometheusRules', selector: 'ruleSelector', namespaceSelector: 'ruleNamespaceSelector',
};

/** The Prometheus version the operator generates for: spec.version, else its default. Throws on an unparsable version. */
export function prometheusVersion(prometheus: KubeObject): SemVer {
  const text = prometheusVersionOf(prometheus);
  try {
    return parseVersion(text);
  } catch (e) {
    throw new CheckError(`failed to parse Prometheus version: ${(e as Error).message}`);
  }
}

/** Selection for every Prometheus and PrometheusAgent among `objects` (or in `index`), ordered by kind, namespace and name. */
export function selectAll(objects: readonly KubeObject[] | ObjectIndex): PrometheusSelection[] {
  const index = objects instanceof ObjectIndex ? objects : new ObjectIndex(objects);
  return index.prometheuses().map((p) => selectFor(p, index));
}

/** Options of {@link selectFor}. */
export interface SelectOptions {
  /**
   * Take every ServiceMonitor, PodMonitor, Probe and ScrapeConfig as selected and accepted, as the
   * operator's configuration generator tests do (no label or namespace matching, no rejection
   * checks). PrometheusRules are still selected by ruleSelector and ruleNamespaceSelector.
   */
  allMonitors?: boolean;
}

/** Selection for one Prometheus (monitoring.coreos.com/v1) or PrometheusAgent (v1alpha1). */
export function selectFor(prometheus: KubeObject, index: ObjectIndex, options: SelectOptions = {}): PrometheusSelection {
  const isAgent = prometheus.kind === 'PrometheusAgent';
  const spec = prometheus.spec ?? {};
  const result: PrometheusSelection = {
    prometheus,
    selected: { serviceMonitors: [], podMonitors: [], probes: [], scrapeConfigs: [], rules: [] },
    rejected: [],
    undecided: [],
    ruleConfigMapNames: [],
    unmanaged: !isAgent && MONITOR_KINDS.every((k) => spec[k.selector] === undefined || spec[k.selector] === null),
  };
  try {
    const ctx: CheckContext = { prometheus, version: prometheusVersion(prometheus), assets: new AssetChecker(index) };
    const lists: Record<SelectableKind, KubeObject[]> = {
      ServiceMonitor: result.selected.serviceMonitors,
      PodMonitor: result.selected.podMonitors,
      Probe: result.selected.probes,
      ScrapeConfig: result.selected.scrapeConfigs,
      PrometheusRule: [],
    };
    for (const rule of MONITOR_KINDS) {
      if (options.allMonitors) {
        lists[rule.kind].push(...index.all(rule.kind));
        continue;
      }
      const found = candidates(prometheus, rule, index, result.undecided);
      for (const obj of found) {
        const reason = runCheck(rule, ctx, obj);
        if (reason === undefined) lists[rule.kind].push(obj);
        else result.rejected.push({ object: obj, reason });
      }
    }
    if (!isAgent) {
      const rules = buildRuleFiles(prometheus, candidates(prometheus, RULE_KIND, index, result.undecided), ctx.version);
      result.selected.rules = rules.accepted;
      result.rejected.push(...rules.rejected);
      result.ruleConfigMapNames = rules.configMapNames;
    }
  } catch (e) {
    if (!(e instanceof CheckError) && !(e instanceof LabelSelectorError)) throw e;
    return { ...result, selected: emptySelection(), rejected: [], undecided: [], ruleConfigMapNames: [], error: e.message };
  }
  return result;
}

/** Objects of one kind matching the Prometheus's label selector in the namespaces its namespace selector covers. */
function candidates(prometheus: KubeObject, rule: KindRule, index: ObjectIndex, undecided: Undecided[]): KubeObject[] {
  const spec = prometheus.spec ?? {};
  let selector;
  try {
    selector = compileLabelSelector(spec[rule.selector]);
  } catch (e) {
    if (e instanceof LabelSelectorError) throw new LabelSelectorError(`selecting ${rule.plural} failed: spec.${rule.selector}: ${e.message}`);
    throw e;
  }
  let scope: NamespaceScope;
  try {
    scope = new NamespaceScope(prometheus, rule.namespaceSelector, spec[rule.namespaceSelector], index);
  } catch (e) {
    if (e instanceof LabelSelectorError) throw new LabelSelectorError(`selecting ${rule.plural} failed: spec.${rule.namespaceSelector}: ${e.message}`);
    throw e;
  }
  if (selector.nothing) return [];
  const out: KubeObject[] = [];
  for (const ns of index.namespacesWith(rule.kind)) {
    const decision = scope.decide(ns);
    if ('covered' in decision && !decision.covered) continue;
    for (const obj of index.inNamespace(rule.kind, ns)) {
      if (!selector.matches(obj.metadata.labels)) continue;
      if ('undecided' in decision) undecided.push({ object: obj, reason: decision.undecided });
      else out.push(obj);
    }
  }
  return out;
}

function runCheck(rule: KindRule, ctx: CheckContext, obj: KubeObject): string | undefined {
  try {
    rule.check?.(ctx, obj);
    return undefined;
  } catch (e) {
    if (e instanceof CheckError) return e.message;
    throw e;
  }
}

function emptySelection(): SelectedObjects {
  return { serviceMonitors: [], podMonitors: [], probes: [], scrapeConfigs: [], rules: [] };
}
