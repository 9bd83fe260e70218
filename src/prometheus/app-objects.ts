import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { PlainObject } from './rbac-plan';

/**
 * The synthesized JSON (JSON patches applied) of the ApiObjects of an app, each object rendered
 * at most once, when its kind is first asked for. A snapshot: the constructs are listed when it is
 * made, and later changes to the app are not seen, so it lives only as long as one computation
 * (see {@link AppObjects.use}) or one validation pass (see {@link AppObjects.forValidation}).
 */
export class AppObjects {
  /** The objects of the app that holds `scope`, as the app is now. */
  public static collect(scope: IConstruct): AppObjects {
    return new AppObjects(scope.node.root);
  }

  /** The objects in use for the app that holds `scope` (see {@link AppObjects.use}), else its objects as they are now. */
  public static current(scope: IConstruct): AppObjects {
    const root = scope.node.root;
    for (let i = inUse.length - 1; i >= 0; i--) {
      if (inUse[i].root === root) return inUse[i];
    }
    return new AppObjects(root);
  }

  /**
   * The objects for `validator`, a construct that reads the whole app from its validation. cdk8s
   * validates every construct in construct tree order, once per chart it synthesizes, and user
   * code may change the app between two syntheses; so the validators of one pass share one
   * collection, and a validator that does not come after the previous user in tree order (a new
   * pass), or that was not in the app when the objects were collected, gets a new one.
   */
  public static forValidation(validator: IConstruct): AppObjects {
    const root = validator.node.root;
    const pass = validationPasses.get(root);
    if (pass && pass.objects.held(validator) && comesBefore(pass.lastUser, validator)) {
      pass.lastUser = validator;
      return pass.objects;
    }
    const objects = new AppObjects(root);
    validationPasses.set(root, { objects, lastUser: validator });
    return objects;
  }

  private readonly root: IConstruct;
  private readonly constructs: IConstruct[];
  private readonly apiObjects: ApiObject[];
  private readonly json = new Map<ApiObject, PlainObject>();

  private constructor(root: IConstruct) {
    this.root = root;
    this.constructs = root.node.findAll();
    this.apiObjects = this.constructs.filter((c): c is ApiObject => ApiObject.isApiObject(c));
  }

  /** The JSON of every object of the given kinds, in construct tree order. */
  public ofKinds(kinds: readonly string[]): PlainObject[] {
    const wanted = new Set(kinds);
    const out: PlainObject[] = [];
    for (const o of this.apiObjects) {
      if (!wanted.has(o.kind)) continue;
      let json = this.json.get(o);
      if (json === undefined) {
        json = o.toJson() as PlainObject;
        this.json.set(o, json);
      }
      out.push(json);
    }
    return out;
  }

  /** Runs `work` with {@link appObjectsOfKinds} reading these objects for their app (e.g. in lazy values resolved by `work`). */
  public use<T>(work: () => T): T {
    inUse.push(this);
    try {
      return work();
    } finally {
      inUse.pop();
    }
  }

  /** Whether `c` was in the app when the objects were collected. */
  private held(c: IConstruct): boolean {
    return this.constructs.includes(c);
  }
}

/**
 * The JSON (JSON patches applied) of every object of the given kinds in the app that holds
 * `scope`, in construct tree order: the objects of the computation running in
 * {@link AppObjects.use} for this app, else the app as it is now. Used at synth time, when the
 * whole app exists.
 */
export function appObjectsOfKinds(scope: IConstruct, kinds: readonly string[]): PlainObject[] {
  return AppObjects.current(scope).ofKinds(kinds);
}

/** The objects computations are reading now, innermost last. */
const inUse: AppObjects[] = [];

/** The collection of the current validation pass of each app (by root) and the validator that used it last. */
const validationPasses = new WeakMap<IConstruct, { objects: AppObjects; lastUser: IConstruct }>();

/** Whether `a` comes before `b` in construct tree order (the order cdk8s validates in); false when either has left the tree. */
function comesBefore(a: IConstruct, b: IConstruct): boolean {
  const pa = a.node.scopes;
  const pb = b.node.scopes;
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  if (i === pb.length) return false; // b is a or an ancestor of a
  if (i === pa.length) return inTree(b); // a is an ancestor of b
  const siblings = pa[i - 1].node.children;
  const ia = siblings.indexOf(pa[i]);
  const ib = siblings.indexOf(pb[i]);
  return ia >= 0 && ib >= 0 && ia < ib && inTree(a) && inTree(b);
}

/** Whether every construct on the path from the root to `c` is still its parent's child. */
function inTree(c: IConstruct): boolean {
  const scopes = c.node.scopes;
  for (let i = 1; i < scopes.length; i++) {
    if (!scopes[i - 1].node.children.includes(scopes[i])) return false;
  }
  return true;
}
