/**
 * MANIFEST-NO-NAMESPACE: namespaced objects without metadata.namespace. Where they land depends
 * on `kubectl -n` or the current context, and every "unset means own namespace" rule of the
 * operator follows. One WARN for the whole app, naming the namespace the checks assumed.
 */

import { Check } from '../check';
import { CheckContext, describeObject } from '../context';
import { plural } from '../describe';
import { Finding, FindingSeverity } from '../finding';

const ID = 'MANIFEST-NO-NAMESPACE';
const SHOWN = 5;

/** The check. */
export const manifestNoNamespace: Check = {
  id: ID,
  description: 'Namespaced objects without a namespace',
  run(ctx: CheckContext): Finding[] {
    const list = ctx.namespaceless;
    if (list.length === 0) return [];
    const names = list.slice(0, SHOWN).map((o) => describeObject(o).replace(`${ctx.defaultNamespace}/`, ''));
    return [ctx.finding(undefined, {
      id: ID,
      severity: FindingSeverity.WARN,
      problem: `${plural(list.length, 'namespaced object')} ${list.length === 1 ? 'has' : 'have'} no metadata.namespace `
        + `(${names.join(', ')}${list.length > SHOWN ? ', ...' : ''}); the checks assumed namespace ${JSON.stringify(ctx.defaultNamespace)}`,
      effect: 'Selection and RBAC results change if they are applied to another namespace',
      fix: 'set a namespace on the objects (for cdk8s, the Chart\'s namespace)',
    })];
  },
};
