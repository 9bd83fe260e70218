import { FindingSeverity } from '../resolver/checks/finding';

/**
 * One finding of the synth-time checks: a mistake in the app's Kubernetes objects, the object
 * and construct it is about, and the one-line message
 * `[ID] SEVERITY Kind ns/name (constructPath) field: problem. effect. Fix: fix.`
 */
export interface CheckFinding {
  /** The check's ID, e.g. `SEL-MONITOR-UNSELECTED`. */
  readonly id: string;
  /** How bad it is: errors fail synth unless acknowledged. */
  readonly severity: FindingSeverity;
  /** Kind of the object the finding is about. @default - the finding is about the whole app */
  readonly kind?: string;
  /** Namespace of that object. @default - cluster-scoped object, or a finding about the whole app */
  readonly namespace?: string;
  /** Name of that object. @default - a finding about the whole app */
  readonly name?: string;
  /** Construct path of the ApiObject the finding is about. @default - a finding about the whole app */
  readonly constructPath?: string;
  /** The field at fault, e.g. `spec.endpoints[0].port`. @default - the object as a whole */
  readonly field?: string;
  /** What is wrong. */
  readonly problem: string;
  /** What happens in the cluster because of it. @default - not stated */
  readonly effect?: string;
  /** How to fix it. @default - not stated */
  readonly fix?: string;
  /** Why the finding is accepted, when it was acknowledged with `Checks.acknowledge()`. @default - not acknowledged */
  readonly acknowledgement?: string;
  /** The whole one-line message. */
  readonly message: string;
}
