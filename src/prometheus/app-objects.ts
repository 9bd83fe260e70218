import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { PlainObject } from './rbac-plan';

/**
 * The synthesized JSON (JSON patches applied) of every object of the given kinds in the app that
 * holds `scope`. Used at synth time, when the whole app exists.
 */
export function appObjectsOfKinds(scope: IConstruct, kinds: readonly string[]): PlainObject[] {
  const wanted = new Set(kinds);
  return scope.node.root.node.findAll()
    .filter((c): c is ApiObject => ApiObject.isApiObject(c) && wanted.has(c.kind))
    .map((o) => o.toJson() as PlainObject);
}
