/**
 * Synthesis as `App.synthYaml()` does it (validate every construct, each chart's objects in
 * dependency order, multi-document YAML), keeping the objects so the resolver can take them
 * without parsing the YAML back.
 */

import { App, Yaml } from 'cdk8s';
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
