/**
 * Acknowledgements: a finding ID accepted, with a reason, on a construct and everything under
 * it. Stored as construct metadata, so that they live in the construct tree itself.
 */

import { IConstruct } from 'constructs';

/** The construct metadata type of an acknowledgement. */
export const ACKNOWLEDGEMENT_METADATA = 'cdk8s-prometheus:acknowledge';

interface AcknowledgementData {
  readonly id: string;
  readonly reason: string;
}

/** Records that finding `id` is accepted on `scope` and the constructs under it. */
export function addAcknowledgement(scope: IConstruct, id: string, reason: string): void {
  const data: AcknowledgementData = { id, reason };
  scope.node.addMetadata(ACKNOWLEDGEMENT_METADATA, data);
}

/**
 * The reason finding `id` is acknowledged for `construct`: on the construct itself or the
 * nearest scope above it that acknowledges that ID. Undefined when not acknowledged.
 */
export function acknowledgementFor(construct: IConstruct, id: string): string | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    for (const entry of scope.node.metadata) {
      if (entry.type !== ACKNOWLEDGEMENT_METADATA) continue;
      const data = entry.data as AcknowledgementData;
      if (data?.id === id) return data.reason;
    }
  }
  return undefined;
}

/** Every acknowledgement under `root`, as `[path, id, reason]`, to tell whether they changed. */
export function acknowledgementsOf(root: IConstruct): string[][] {
  return root.node.findAll().flatMap((c) => c.node.metadata
    .filter((e) => e.type === ACKNOWLEDGEMENT_METADATA)
    .map((e) => [c.node.path, String(e.data?.id), String(e.data?.reason)]));
}
