/** Runs selection for one Prometheus that selects everything in its namespace and returns one object's fate. */
import { prometheus } from './fixtures';
import { selectAll } from '../../../src/resolver/select';
import { KubeObject } from '../../../src/resolver/types';

const SELECT_ALL = {
  serviceMonitorSelector: {},
  podMonitorSelector: {},
  probeSelector: {},
  scrapeConfigSelector: {},
  ruleSelector: {},
  serviceMonitorNamespaceSelector: {},
  podMonitorNamespaceSelector: {},
  probeNamespaceSelector: {},
  scrapeConfigNamespaceSelector: {},
  ruleNamespaceSelector: {},
  scrapeInterval: '30s',
};

/** The operator's rejection reason for `obj` (undefined when accepted), given other objects and Prometheus spec fields. */
export function rejection(obj: KubeObject, others: KubeObject[] = [], promSpec: any = {}): string | undefined {
  const [sel] = selectAll([prometheus({ ...SELECT_ALL, ...promSpec }), obj, ...others]);
  if (sel.error) throw new Error(sel.error);
  const r = sel.rejected.find((x) => x.object === obj);
  const accepted = Object.values(sel.selected).some((list) => list.includes(obj));
  if (!r && !accepted) throw new Error('object was neither selected nor rejected');
  return r?.reason;
}
