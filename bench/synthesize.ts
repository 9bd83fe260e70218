/**
 * Synthesis as `App.synthYaml()` does it (validate every construct, each chart's objects in
 * dependency order, multi-document YAML), keeping the objects so the resolver can take them
 * without parsing the YAML back; and what `RenderedConfigs.synth(app)` does, in memory: the
 * same synthesis in one synthesis session, after resolving the app's objects.
 */

import { App, Yaml } from 'cdk8s';
import { collectObjects } from '../src/checks/collect';
import { AppObjects } from '../src/prometheus/app-objects';
import { resolve, Resolution } from '../src/resolver/resolve';
import { KubeObject } from '../src/resolver/types';

/** The objects of a synthesized app and its manifests as YAML text. */
export interface Synthesized {
  /** Every object of every chart, in synth order. */
  readonly objects: KubeObject[];
  /** The manifests, as `App.synthYaml()` prints them. */
  readonly yaml: string;
}

/** Synthesizes `app`: the same validation, objects and YAML text as `app.synthYaml()`. */
export function synthesize(app: App): Synthesized {
  const errors = app.node.findAll().flatMap((c) => c.node.validate().map((e) => `[${c.node.path}] ${e}`));
  if (errors.length > 0) throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
  const objects: KubeObject[] = app.charts.flatMap((chart) => Object.values(chart.toJson()));
  return { objects, yaml: Yaml.stringify(...objects) };
}

/** Times, in milliseconds, of the steps of {@link synthesizeInSession}: wall clock unless named CPU. */
export interface SessionTimes {
  /** Reading the app's objects (each rendered once): the first step of `RenderedConfigs.of`. */
  readonly read: number;
  /** `resolve()` of those objects. */
  readonly resolve: number;
  /** CPU time (user + system) of `resolve()`. */
  readonly resolveCpu: number;
  /** {@link synthesize} within the session, its validation passes reusing the reading. */
  readonly synth: number;
}

/** What a synthesis session produced. */
export interface SessionRun {
  /** The synthesized manifests. */
  readonly synthesized: Synthesized;
  /** What `RenderedConfigs` renders its configurations from. */
  readonly resolution: Resolution;
  /** The time of each step. */
  readonly times: SessionTimes;
}

/**
 * What `RenderedConfigs.synth(app)` does, without writing files: in one synthesis session, the
 * app's objects read and resolved (the rendered configurations), then the app synthesized as
 * {@link synthesize} does (`app.synth()` writes the same objects to files).
 */
export function synthesizeInSession(app: App): SessionRun {
  return AppObjects.session(app, () => {
    const t0 = performance.now();
    const { objects } = collectObjects(app);
    const t1 = performance.now();
    const cpu = process.cpuUsage();
    const resolution = resolve(objects);
    const resolveCpu = process.cpuUsage(cpu);
    const t2 = performance.now();
    const synthesized = synthesize(app);
    const t3 = performance.now();
    return {
      synthesized,
      resolution,
      times: { read: t1 - t0, resolve: t2 - t1, resolveCpu: (resolveCpu.user + resolveCpu.system) / 1000, synth: t3 - t2 },
    };
  });
}
