import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { PlainObject } from './rbac-plan';

/** Every ApiObject of an app and, in the same order, its synthesized JSON. */
export interface AppListing {
  /** The ApiObjects, in construct tree order. */
  readonly apiObjects: readonly ApiObject[];
  /** Their JSON (JSON patches applied). */
  readonly objects: readonly PlainObject[];
}

/**
 * A reading of the ApiObjects of an app: their synthesized JSON (JSON patches applied), each
 * object rendered at most once, when first asked for. A snapshot: the constructs are listed when
 * it is made (and again after {@link AppObjects.settle}), and later changes to the app are not
 * seen, so it lives only as long as one computation (see {@link AppObjects.use}), one validation
 * pass (see {@link AppObjects.forValidation}) or one synthesis session (see {@link AppObjects.session}).
 */
export class AppObjects {
  /** How many readings have been made in this process (each renders the objects it is asked for once); for tests and the benchmark. */
  public static get readings(): number {
    return readingCount;
  }

  /**
   * Runs `work` as a synthesis session of the app that holds `scope`: a span in which no user code
   * changes the app (e.g. `app.synth()` called by the library itself; the validations that run
   * meanwhile may add objects, as the Prometheus RBAC does, and the checks read the app after
   * them, see {@link AppObjects.settle}, but change no object). Every reading of the app in the
   * session (validation passes, checks, computations, rendered configurations) is one and the
   * same, so each object is rendered once however many charts cdk8s synthesizes; the session ends
   * with `work`, and the next reading sees the app afresh. A session within a session of the same
   * app is the outer one.
   */
  public static session<T>(scope: IConstruct, work: () => T): T {
    const root = scope.node.root;
    if (sessions.has(root)) return work();
    sessions.set(root, {});
    validationPasses.delete(root);
    try {
      return work();
    } finally {
      sessions.delete(root);
      validationPasses.delete(root);
    }
  }

  /** The reading of the synthesis session of the app that holds `scope`, else a new reading of the app as it is now. */
  public static collect(scope: IConstruct): AppObjects {
    const root = scope.node.root;
    return AppObjects.ofSession(root) ?? new AppObjects(root);
  }

  /**
   * The reading in use for the app that holds `scope` (see {@link AppObjects.use}), else the
   * reading of its synthesis session, else a new reading of the app as it is now.
   */
  public static current(scope: IConstruct): AppObjects {
    const root = scope.node.root;
    for (let i = inUse.length - 1; i >= 0; i--) {
      if (inUse[i].root === root) return inUse[i];
    }
    return AppObjects.ofSession(root) ?? new AppObjects(root);
  }

  /**
   * The reading for `validator`, a construct that reads the whole app from its validation. cdk8s
   * validates every construct in construct tree order, once per chart it synthesizes, and user
   * code may change the app between two syntheses; so the validators of one pass share one
   * reading, and a validator that does not come after the previous user in tree order (a new
   * pass), or that was not in the app when the objects were listed, gets a new one. Validators
   * run by {@link AppObjects.settle} get the reading being settled; in a synthesis session every
   * validator gets the session's reading.
   */
  public static forValidation(validator: IConstruct): AppObjects {
    const root = validator.node.root;
    const session = AppObjects.ofSession(root);
    if (session) return session;
    const settling = settlingNow.find((s) => s.root === root);
    if (settling) return settling;
    const pass = validationPasses.get(root);
    if (pass && pass.objects.held(validator) && comesBefore(pass.lastUser, validator)) {
      pass.lastUser = validator;
      return pass.objects;
    }
    const objects = new AppObjects(root);
    validationPasses.set(root, { objects, lastUser: validator });
    return objects;
  }

  /** The reading of the session of the app `root`, made when first asked for; undefined outside a session. */
  private static ofSession(root: IConstruct): AppObjects | undefined {
    const session = sessions.get(root);
    if (!session) return undefined;
    session.reading ??= new AppObjects(root);
    return session.reading;
  }

  private readonly root: IConstruct;
  private readonly json = new Map<ApiObject, PlainObject>();
  private constructs: IConstruct[] = [];
  private apiObjects: ApiObject[] = [];
  private listing?: AppListing;
  private settled = false;

  private constructor(root: IConstruct) {
    this.root = root;
    readingCount++;
    this.list();
  }

  /** The JSON of every object of the given kinds, in construct tree order. */
  public ofKinds(kinds: readonly string[]): PlainObject[] {
    const wanted = new Set(kinds);
    const out: PlainObject[] = [];
    for (const o of this.apiObjects) {
      if (wanted.has(o.kind)) out.push(this.render(o));
    }
    return out;
  }

  /**
   * Every object of the app with its JSON, in construct tree order. The same listing (the same
   * arrays) until the app is listed again by {@link AppObjects.settle}, so its identity tells
   * that nothing was re-read.
   */
  public all(): AppListing {
    if (!this.listing) {
      const apiObjects = [...this.apiObjects];
      this.listing = { apiObjects, objects: apiObjects.map((o) => this.render(o)) };
    }
    return this.listing;
  }

  /** The JSON of `obj`, rendered once per reading, with lazy values that read the app reading this reading. */
  public render(obj: ApiObject): PlainObject {
    let json = this.json.get(obj);
    if (json === undefined) {
      json = this.use(() => obj.toJson() as PlainObject);
      this.json.set(obj, json);
    }
    return json;
  }

  /**
   * Runs `validations` (constructs' validations that may add objects to the app, e.g. the
   * Prometheus RBAC, which creates its Roles when validated), once per reading, then lists the
   * app's objects again: the objects they added are read, the objects already rendered are not
   * rendered again (validations add objects, they do not change the others). The validators that
   * read the whole app read this reading meanwhile.
   */
  public settle(validations: () => void): void {
    if (this.settled) return;
    settlingNow.push(this);
    try {
      validations();
    } finally {
      settlingNow.splice(settlingNow.indexOf(this), 1);
    }
    this.settled = true;
    this.list();
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

  /** Lists the app's constructs and ApiObjects as they are now. */
  private list(): void {
    this.constructs = this.root.node.findAll();
    this.apiObjects = this.constructs.filter((c): c is ApiObject => ApiObject.isApiObject(c));
    this.listing = undefined;
  }

  /** Whether `c` was in the app when the objects were listed. */
  private held(c: IConstruct): boolean {
    return this.constructs.includes(c);
  }
}

/**
 * The JSON (JSON patches applied) of every object of the given kinds in the app that holds
 * `scope`, in construct tree order: the objects of the computation running in
 * {@link AppObjects.use} for this app, else of its synthesis session, else the app as it is now.
 * Used at synth time, when the whole app exists.
 */
export function appObjectsOfKinds(scope: IConstruct, kinds: readonly string[]): PlainObject[] {
  return AppObjects.current(scope).ofKinds(kinds);
}

/** Readings made so far. */
let readingCount = 0;

/** The readings computations are reading now, innermost last. */
const inUse: AppObjects[] = [];

/** The readings being settled now (see {@link AppObjects.settle}). */
const settlingNow: AppObjects[] = [];

/** The synthesis session of each app in one (by root), with its reading once made. */
const sessions = new WeakMap<IConstruct, { reading?: AppObjects }>();


/** The reading of the current validation pass of each app (by root) and the validator that used it last. */
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
