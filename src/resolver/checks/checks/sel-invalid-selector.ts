/**
 * SEL-INVALID-SELECTOR: label selectors and labels Kubernetes or the operator refuse — a
 * monitor's spec.selector (the operator rejects the monitor), a Prometheus selector (the operator
 * does not reconcile the Prometheus at all), a Service or PodDisruptionBudget selector, and label
 * keys or values on any object (the API server rejects the object).
 */

import { compileLabelSelector, LabelSelectorError, validateLabelKey, validateLabelValue } from '../../select/label-selector';
import { KubeObject } from '../../types';
import { Check } from '../check';
import { CheckContext } from '../context';
import { q } from '../describe';
import { Finding, FindingSeverity } from '../finding';
import { SELECTOR_FIELDS } from '../model/selection';

const ID = 'SEL-INVALID-SELECTOR';
const FIX = 'use keys of an optional DNS prefix and "/" plus at most 63 alphanumerics, "-", "_" or "."; values of at most 63 such characters; '
  + 'In/NotIn with at least one value, Exists/DoesNotExist without values';

/** The check. */
export const selInvalidSelector: Check = {
  id: ID,
  description: 'Invalid label selectors and labels',
  run(ctx: CheckContext): Finding[] {
    const findings: Finding[] = [];
    const add = (obj: KubeObject, field: string, problem: string, effect: string) =>
      findings.push(ctx.finding(obj, { id: ID, severity: FindingSeverity.ERROR, field, problem, effect, fix: FIX }));
    const selector = (obj: KubeObject, field: string, value: unknown, effect: string) => {
      if (value === undefined || value === null) return;
      try {
        compileLabelSelector(value as any);
      } catch (e) {
        if (!(e instanceof LabelSelectorError)) throw e;
        add(obj, field, e.message, effect);
      }
    };
    for (const obj of ctx.objects) {
      for (const [key, value] of Object.entries(obj.metadata.labels ?? {})) {
        const problem = validateLabelKey(key) ?? validateLabelValue(String(value));
        if (problem) add(obj, `metadata.labels[${q(key)}]`, problem, `The API server will reject this ${obj.kind}`);
      }
    }
    for (const monitor of [...ctx.selectable('ServiceMonitor'), ...ctx.selectable('PodMonitor')]) {
      selector(monitor, 'spec.selector', monitor.spec?.selector, `The operator will reject this ${monitor.kind}`);
    }
    for (const p of ctx.prometheuses()) {
      for (const fields of Object.values(SELECTOR_FIELDS)) {
        for (const field of [fields.selector, fields.namespaceSelector]) {
          selector(p, `spec.${field}`, p.spec?.[field], 'The operator will not reconcile this Prometheus at all');
        }
      }
    }
    for (const svc of ctx.ofKind('Service')) {
      const sel = svc.spec?.selector;
      if (!sel || typeof sel !== 'object') continue;
      selector(svc, 'spec.selector', { matchLabels: sel }, 'The API server will reject this Service');
    }
    for (const pdb of ctx.ofKind('PodDisruptionBudget')) {
      selector(pdb, 'spec.selector', pdb.spec?.selector, 'The API server will reject this PodDisruptionBudget');
    }
    return findings;
  },
};
