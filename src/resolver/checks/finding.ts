/**
 * A finding: one mistake the checks found in a set of Kubernetes objects, with the object it is
 * about, where that object came from, and the one-line message users read.
 */

import { ObjectSource } from '../types';

/** How bad a finding is. */
export enum FindingSeverity {
  /** The object will be rejected or will certainly produce nothing; synth fails. */
  ERROR = 'ERROR',
  /** Likely wrong or degraded; printed, synth continues. */
  WARN = 'WARN',
  /** Explains a silent default. */
  INFO = 'INFO',
}

/** One finding of one check. */
export interface Finding {
  /** The check's ID, e.g. `SEL-MONITOR-UNSELECTED`. */
  readonly id: string;
  /** How bad it is. */
  readonly severity: FindingSeverity;
  /** Kind of the object the finding is about (absent for findings about the whole app). */
  readonly kind?: string;
  /** Namespace of that object (absent for cluster-scoped objects). */
  readonly namespace?: string;
  /** Name of that object. */
  readonly name?: string;
  /** Where the object came from: construct path, or file and document. */
  readonly source?: ObjectSource;
  /** The field at fault, as a path inside the object (`spec.endpoints[0].port`). */
  readonly field?: string;
  /** What is wrong, naming the values involved. */
  readonly problem: string;
  /** What happens in the cluster because of it. */
  readonly effect?: string;
  /** How to fix it. */
  readonly fix?: string;
  /** Why the finding was accepted, when someone acknowledged it. */
  readonly acknowledgement?: string;
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = {
  [FindingSeverity.ERROR]: 0,
  [FindingSeverity.WARN]: 1,
  [FindingSeverity.INFO]: 2,
};

/**
 * Where an object came from, as the message shows it: the construct path, else `file:line` when
 * the loader knows the line, else `file#document` (counted from 1).
 */
export function describeSource(source: (ObjectSource & { line?: number }) | undefined): string | undefined {
  if (!source) return undefined;
  if (source.constructPath) return source.constructPath;
  if (!source.file) return undefined;
  if (typeof source.line === 'number') return `${source.file}:${source.line}`;
  return source.document !== undefined ? `${source.file}#${source.document + 1}` : source.file;
}

/** The object part of a message: `Kind ns/name`, `Kind name` for cluster-scoped objects. */
export function describeFindingObject(f: Pick<Finding, 'kind' | 'namespace' | 'name'>): string {
  if (!f.kind) return '';
  return `${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name ?? ''}`;
}

/**
 * The message of a finding, one line:
 * `[ID] SEVERITY Kind ns/name (source) field: problem. effect. Fix: fix.`
 * An acknowledged finding ends with `Acknowledged: reason.`
 */
export function formatFinding(f: Finding): string {
  const head: string[] = [`[${f.id}]`, f.severity];
  const object = describeFindingObject(f);
  if (object) head.push(object);
  const source = describeSource(f.source);
  if (source) head.push(`(${source})`);
  if (f.field) head.push(f.field);
  let line = `${head.join(' ')}: ${sentence(f.problem)}`;
  if (f.effect) line += ` ${sentence(f.effect)}`;
  if (f.fix) line += ` Fix: ${sentence(f.fix)}`;
  if (f.acknowledgement !== undefined) line += ` Acknowledged: ${sentence(f.acknowledgement || 'no reason given')}`;
  return line;
}

/** Orders findings by severity, then object, then ID and field, so that output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || cmp(a.namespace ?? '', b.namespace ?? '')
    || cmp(a.kind ?? '', b.kind ?? '')
    || cmp(a.name ?? '', b.name ?? '')
    || cmp(a.id, b.id)
    || cmp(a.field ?? '', b.field ?? '')
    || cmp(a.problem, b.problem);
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
