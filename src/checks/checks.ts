import { Construct, IConstruct } from 'constructs';
import { acknowledgementFor, acknowledgementsOf, addAcknowledgement } from './acknowledgements';
import { collectedFrom, settle } from './collect';
import { CheckFinding } from './finding';
import { fail } from '../common/errors';
import { AppListing, AppObjects } from '../prometheus/app-objects';
import { findCheck, formatFinding, FindingSeverity, runChecks } from '../resolver/checks';
import { KubeObject, ObjectSource } from '../resolver/types';

/** Options of {@link Checks.enable}. */
export interface ChecksOptions {
  /**
   * Print warnings, notes and acknowledged findings to stderr when the app is synthesized (errors
   * fail synth with every error listed in the exception, printed or not).
   * @default - true, unless the environment variable `CDK8S_PROMETHEUS_CHECKS` is `silent`
   */
  readonly printFindings?: boolean;
  /**
   * The namespace assumed for namespaced objects that have none (they land in the namespace
   * `kubectl apply` uses).
   * @default 'default'
   */
  readonly defaultNamespace?: string;
}

/** The construct ID of the checks under the app root. */
const CHECKS_ID = 'cdk8s-prometheus-checks';
/** The source external objects are marked with (their findings are dropped). */
const EXTERNAL = '<external>';
/** The IDs `Checks.acknowledge` accepts besides the checks' own. */
const EXTRA_IDS = ['OPERATOR-REJECTED'];
/** The environment variable that, set to `silent`, makes printing off the default for every app. */
const MODE_VARIABLE = 'CDK8S_PROMETHEUS_CHECKS';

/**
 * Synth-time checks for a cdk8s app: the mistakes that make prometheus-operator lose targets,
 * rules or alerts silently (a monitor no Prometheus selects, a port name the Service does not
 * have, missing RBAC, ...), found over every ApiObject of the app, as it will be written.
 *
 * The checks run whenever the app contains one of the library's constructs (Prometheus,
 * PrometheusStack, ServiceMonitor, PodMonitor, Probe, MonitoredApp, AlertRuleGroup, Alertmanager,
 * AlertmanagerConfig, PrometheusOperator): each calls `Checks.of(this)`. For an app of plain
 * ApiObjects (or to set options), call `Checks.enable(app)`. There is one `Checks` per app,
 * however many charts it has, as a child of the app's root (of the root construct when a chart
 * has no App).
 *
 * When the app is synthesized (`app.synth()`, `Testing.synth(chart)`), errors fail synth with every
 * finding listed at once, and warnings are printed to stderr. A finding can be acknowledged on a
 * construct with a reason (`Checks.acknowledge(construct, 'HA-EPHEMERAL-STORAGE', 'test cluster')`,
 * or on the app for app-wide findings); acknowledged findings are listed as such and never fail synth.
 * To print nothing, pass `printFindings: false` to `Checks.enable(app, ...)`, or set the environment
 * variable `CDK8S_PROMETHEUS_CHECKS=silent` (every app of the process, e.g. in unit tests); errors
 * still fail synth.
 */
export class Checks extends Construct {
  /** The checks of the app `scope` belongs to, enabling them with default options if needed. */
  public static of(scope: IConstruct): Checks {
    const root = scope.node.root;
    const existing = root.node.tryFindChild(CHECKS_ID);
    if (existing instanceof Checks) return existing;
    if (existing) fail(scope, 'Checks', `the app root already has a child "${CHECKS_ID}" that is not a Checks construct. Rename that construct.`);
    return new Checks(root as Construct, CHECKS_ID, {});
  }

  /**
   * Enables the checks on the app `scope` belongs to (synth then runs them), with `options`.
   * Options given here replace the defaults of a `Checks` created earlier by `Checks.of()`.
   */
  public static enable(scope: IConstruct, options: ChecksOptions = {}): Checks {
    const checks = Checks.of(scope);
    checks.options = { ...checks.options, ...options };
    return checks;
  }

  /**
   * Acknowledges finding `id` on `scope` and every construct under it, with a reason. Acknowledged
   * findings are still listed, marked with the reason, and never fail synth.
   * @param scope the construct whose objects the acknowledgement covers (the app: every object and the app-wide findings)
   * @param id a check ID, e.g. `SEL-MONITOR-UNSELECTED`
   * @param reason why the finding is acceptable here
   */
  public static acknowledge(scope: IConstruct, id: string, reason: string): void {
    if (!findCheck(id) && !EXTRA_IDS.includes(id)) {
      fail(scope, 'id', `${JSON.stringify(id)} is not a check ID. Use one of the IDs the findings show, e.g. SEL-MONITOR-UNSELECTED.`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      fail(scope, 'reason', `acknowledging ${id} needs a reason. Say why the finding is acceptable here.`);
    }
    addAcknowledgement(scope, id, reason.trim());
  }

  private options: ChecksOptions;
  private readonly externals: KubeObject[] = [];
  private validating = false;
  /** The objects (as JSON) and findings of the last validation: cdk8s validates once per chart, the checks run once. */
  private last?: { readonly key: string; readonly findings: CheckFinding[]; readonly listing: AppListing };
  /** The key of the findings last printed, so that each validation of the same app prints them once. */
  private printedKey?: string;

  private constructor(scope: Construct, id: string, options: ChecksOptions) {
    super(scope, id);
    this.options = options;
    this.node.addValidation({ validate: () => this.validateApp() });
  }

  /**
   * Declares an object that exists in the cluster but is not part of this app — a Prometheus
   * deployed elsewhere, the labels of an existing Namespace, the keys of an existing Secret — so
   * that the checks verify against it instead of saying "cannot verify". It is not synthesized
   * and gets no findings of its own.
   * @param manifest the object as Kubernetes stores it (apiVersion, kind, metadata, ...)
   */
  public declareExternal(manifest: any): void {
    const obj = manifest as KubeObject;
    if (!obj || typeof obj !== 'object' || typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string' || typeof obj.metadata?.name !== 'string') {
      fail(this, 'declareExternal', 'the manifest needs apiVersion, kind and metadata.name (e.g. { apiVersion: "v1", kind: "Namespace", metadata: { name: "apps" } }).');
    }
    this.externals.push(JSON.parse(JSON.stringify(obj)));
  }

  /**
   * Runs the checks now over every ApiObject of the app and returns the findings, errors first,
   * acknowledged ones marked with their reason.
   */
  public run(): CheckFinding[] {
    return this.check().findings;
  }

  /**
   * The findings as text, one message per line: errors, then warnings and notes, then the
   * acknowledged findings; `No findings.` when there are none.
   */
  public report(): string {
    return formatReport(this.run());
  }

  /**
   * The validation cdk8s runs at synth: the unacknowledged errors, and the other findings printed.
   * Anything that stops the checks (an object that cannot be serialized) is returned as an error
   * too, beside the errors of the other constructs.
   */
  private validateApp(): string[] {
    this.validating = true;
    let result: { findings: CheckFinding[]; key: string };
    let print: boolean;
    try {
      print = this.printsFindings();
      result = this.check();
    } catch (e) {
      return [`the checks cannot run: ${e instanceof Error ? e.message : String(e)}`];
    } finally {
      this.validating = false;
    }
    const errors = result.findings.filter((f) => f.severity === FindingSeverity.ERROR && f.acknowledgement === undefined);
    const others = result.findings.filter((f) => !errors.includes(f));
    if (result.key !== this.printedKey && print && others.length > 0) {
      process.stderr.write(`${formatReport(others)}\n`);
    }
    this.printedKey = result.key;
    return errors.map((f) => f.message);
  }

  /** Whether findings are printed: the `printFindings` option, else the environment variable. */
  private printsFindings(): boolean {
    if (this.options.printFindings !== undefined) return this.options.printFindings;
    const mode = process.env[MODE_VARIABLE];
    if (mode === undefined || mode === '') return true;
    if (mode === 'silent') return false;
    return fail(this, MODE_VARIABLE, `${JSON.stringify(mode)} is not a setting. Set it to "silent" to print no findings (errors still fail synth), or unset it.`);
  }

  /**
   * Runs the checks, or reuses the last findings when the objects and acknowledgements have not
   * changed. The objects are read once the constructs that add objects when validated (the
   * Prometheus RBAC) have run, from the reading the other whole-app validators of the pass use
   * (or of the synthesis session, where the same listing means nothing changed: no user code runs).
   */
  private check(): { findings: CheckFinding[]; key: string } {
    const root = this.node.root;
    const reading = this.validating ? AppObjects.forValidation(this) : AppObjects.collect(root);
    reading.settle(() => settle(root, this, this.validating));
    const listing = reading.all();
    if (this.last?.listing === listing) return this.last;
    const collected = collectedFrom(listing);
    const { apiObjects } = collected;
    const objects = [...collected.objects, ...this.externals];
    const sources: ObjectSource[] = [...collected.sources, ...this.externals.map(() => ({ file: EXTERNAL }))];
    const key = JSON.stringify([objects, sources, this.options, acknowledgementsOf(root)]);
    if (this.last?.key === key) {
      this.last = { ...this.last, listing };
      return this.last;
    }
    const byPath = new Map(apiObjects.map((o) => [o.node.path, o as IConstruct]));
    const own = runChecks(objects, { sources, defaultNamespace: this.options.defaultNamespace }).filter((f) => f.source?.file !== EXTERNAL);
    const findings = own.map((f): CheckFinding => {
      const path = f.source?.constructPath;
      const acknowledgement = acknowledgementFor(byPath.get(path ?? '') ?? root, f.id);
      const finding = { ...f, acknowledgement };
      return {
        id: f.id,
        severity: f.severity,
        kind: f.kind,
        namespace: f.namespace,
        name: f.name,
        constructPath: path,
        field: f.field,
        problem: f.problem,
        effect: f.effect,
        fix: f.fix,
        acknowledgement,
        message: formatFinding(finding),
      };
    });
    this.last = { key, findings, listing };
    return this.last;
  }
}

function formatReport(findings: readonly CheckFinding[]): string {
  if (findings.length === 0) return 'No findings.';
  const open = findings.filter((f) => f.acknowledgement === undefined);
  const acknowledged = findings.filter((f) => f.acknowledgement !== undefined);
  const count = (sev: FindingSeverity) => open.filter((f) => f.severity === sev).length;
  const head = `cdk8s-prometheus checks: ${count(FindingSeverity.ERROR)} error(s), ${count(FindingSeverity.WARN)} warning(s), `
    + `${count(FindingSeverity.INFO)} note(s), ${acknowledged.length} acknowledged`;
  return [head, ...open.map((f) => `  ${f.message}`), ...acknowledged.map((f) => `  ${f.message}`)].join('\n');
}
