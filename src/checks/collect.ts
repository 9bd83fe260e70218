/**
 * The app's objects as the checks see them: every ApiObject under the root, after JSON patches
 * (`toJson()`), with its construct path, from a reading of the app shared with the other
 * constructs that read the whole app (see `AppObjects`).
 */

import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AppListing, AppObjects } from '../prometheus/app-objects';
import { KubeObject, ObjectSource } from '../resolver/types';

/** The objects of an app and, in the same order, the ApiObjects they come from. */
export interface CollectedObjects {
  readonly objects: KubeObject[];
  readonly sources: ObjectSource[];
  readonly apiObjects: ApiObject[];
}

/**
 * Every ApiObject under `root` (synthesized as they will be written): the reading of the app's
 * synthesis session, else the app as it is now.
 */
export function collectObjects(root: IConstruct): CollectedObjects {
  return collectedFrom(AppObjects.collect(root).all());
}

/** The objects of `listing`, with their construct paths. */
export function collectedFrom(listing: AppListing): CollectedObjects {
  return {
    objects: [...listing.objects],
    sources: listing.apiObjects.map((o) => ({ constructPath: o.node.path })),
    apiObjects: [...listing.apiObjects],
  };
}

/**
 * Runs the validations of the constructs under `root` (except `self`), ignoring their results:
 * some constructs create objects when validated (e.g. the RBAC a Prometheus needs, computed from
 * the whole app), and the checks must see those objects. `after` limits this to the constructs
 * that come after `self` in the order cdk8s validates (the others have run already).
 */
export function settle(root: IConstruct, self: IConstruct, after: boolean): void {
  const all = root.node.findAll();
  const start = after ? all.indexOf(self) + 1 : 0;
  for (const c of all.slice(start)) {
    if (c === self || self.node.scopes.includes(c)) continue;
    c.node.validate();
  }
}
