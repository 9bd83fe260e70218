/**
 * Static validation of an alertmanager.yaml as Alertmanager loads it: a root route with a
 * receiver, every route's receiver defined, receiver names unique, time intervals referenced by
 * routes defined. Returns problems as `path: message` pairs.
 */

import { parse } from 'yaml';

/** One problem in an Alertmanager configuration. */
export interface AlertmanagerConfigProblem {
  /** Path inside the configuration, e.g. `route.routes[0].receiver`. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

/** Validates the text of an alertmanager.yaml. */
export function validateAlertmanagerYaml(text: string): AlertmanagerConfigProblem[] {
  let config: any;
  try {
    config = parse(text, { uniqueKeys: false });
  } catch (e) {
    return [{ path: '', message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` }];
  }
  if (config === null || config === undefined) return [{ path: '', message: 'is empty' }];
  if (typeof config !== 'object' || Array.isArray(config)) return [{ path: '', message: 'is not a YAML mapping' }];
  const problems: AlertmanagerConfigProblem[] = [];
  const receivers: any[] = Array.isArray(config.receivers) ? config.receivers : [];
  const names = receivers.map((r) => String(r?.name ?? ''));
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (n === '') problems.push({ path: `receivers[${i}].name`, message: 'is missing' });
    else if (seen.has(n)) problems.push({ path: `receivers[${i}].name`, message: `${JSON.stringify(n)} is defined twice` });
    seen.add(n);
  });
  const intervals = new Set<string>([
    ...(Array.isArray(config.time_intervals) ? config.time_intervals : []),
    ...(Array.isArray(config.mute_time_intervals) ? config.mute_time_intervals : []),
  ].map((t: any) => String(t?.name ?? '')));
  const route = config.route;
  if (!route || typeof route !== 'object') {
    problems.push({ path: 'route', message: 'is missing: a root route with a receiver is required' });
    return problems;
  }
  if (!route.receiver) problems.push({ path: 'route.receiver', message: 'is missing: the root route must name a default receiver' });
  const visit = (r: any, path: string) => {
    if (r?.receiver !== undefined && r.receiver !== null && r.receiver !== '' && !seen.has(String(r.receiver))) {
      problems.push({ path: `${path}.receiver`, message: `${JSON.stringify(String(r.receiver))} is not defined (receivers: [${names.join(', ')}])` });
    }
    for (const key of ['mute_time_intervals', 'active_time_intervals']) {
      (Array.isArray(r?.[key]) ? r[key] : []).forEach((t: unknown, i: number) => {
        if (!intervals.has(String(t))) problems.push({ path: `${path}.${key}[${i}]`, message: `time interval ${JSON.stringify(String(t))} is not defined` });
      });
    }
    (Array.isArray(r?.routes) ? r.routes : []).forEach((child: any, i: number) => visit(child, `${path}.routes[${i}]`));
  };
  visit(route, 'route');
  return problems;
}
