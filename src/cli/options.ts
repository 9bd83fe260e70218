/** Options several commands share: the input files and the operator's own flags. */

import { OptionSpec, ParsedOptions, UsageError } from './command';
import { CliIo } from './io';
import { InputError, loadManifests } from '../resolver/input';
import { KubeObject, OperatorOptions } from '../resolver/types';

/** The operator's feature gates (prometheus-operator v0.93.0 --feature-gates). */
export const FEATURE_GATES = [
  'PrometheusAgentDaemonSet',
  'PrometheusShardRetentionPolicy',
  'PrometheusTopologySharding',
  'RemoteWriteCustomResourceDefinition',
  'StatusForConfigurationResources',
];

/** `-f/--filename`: where the manifests are. */
export const FILENAME_OPTION: Record<string, OptionSpec> = {
  filename: {
    type: 'string',
    short: 'f',
    multiple: true,
    value: '<path>',
    description: 'manifests to read: a file, a folder (its .yaml, .yml, .json files) or - for stdin; repeatable',
  },
  recursive: {
    type: 'boolean',
    short: 'R',
    description: 'also read the subfolders of folders given with -f (as kubectl apply -R)',
  },
};

/** `--prometheus`: one Prometheus or PrometheusAgent. */
export const PROMETHEUS_OPTION: Record<string, OptionSpec> = {
  prometheus: { type: 'string', value: '<namespace>/<name>', description: 'only this Prometheus or PrometheusAgent' },
};

/** `--no-defaults`: objects exactly as given. */
export const NO_DEFAULTS_OPTION: Record<string, OptionSpec> = {
  'no-defaults': {
    type: 'boolean',
    description: 'take the objects exactly as given: no CRD schema defaults, no default namespace',
  },
};

/** The operator's own settings that change the generated configuration. */
export const OPERATOR_OPTIONS: Record<string, OptionSpec> = {
  'endpointslice': { type: 'boolean', description: 'the cluster supports EndpointSlice discovery, as the operator detects it' },
  'feature-gates': {
    type: 'string',
    value: '<a,b>',
    description: `operator feature gates to enable, comma-separated (${FEATURE_GATES.join(', ')}); name=false disables`,
  },
  'pod-topology-labels': { type: 'boolean', description: 'the API server puts topology labels on pods (Kubernetes >= 1.35)' },
};

/** Reads the manifests of `-f`; at least one is required. */
export async function readInputs(options: ParsedOptions, io: CliIo): Promise<KubeObject[]> {
  const paths = (options.filename as string[] | undefined) ?? [];
  if (paths.length === 0) throw new UsageError('no input: give -f <path> (a file, a folder, or - for stdin)');
  return loadManifests(paths, () => io.readStdin(), { recursive: options.recursive === true });
}

/** Fails with an InputError when nothing was resolved: the input has no Prometheus or PrometheusAgent. */
export function requirePrometheuses(count: number): void {
  if (count === 0) throw new InputError('no Prometheus (monitoring.coreos.com/v1) or PrometheusAgent (v1alpha1) in the input');
}

/** The `--prometheus` value, checked to be `namespace/name`. */
export function prometheusKey(options: ParsedOptions): string | undefined {
  const key = options.prometheus as string | undefined;
  if (key !== undefined && !/^[^/\s]+\/[^/\s]+$/.test(key)) {
    throw new UsageError(`--prometheus takes namespace/name (e.g. monitoring/k8s), not ${JSON.stringify(key)}`);
  }
  return key;
}

/** The operator options given by `--endpointslice`, `--feature-gates` and `--pod-topology-labels`. */
export function operatorOptions(options: ParsedOptions): OperatorOptions {
  const gates: string[] = [];
  for (const item of String(options['feature-gates'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const [name, value] = item.split('=', 2);
    if (!FEATURE_GATES.includes(name)) {
      throw new UsageError(`unknown feature gate ${JSON.stringify(name)} (known: ${FEATURE_GATES.join(', ')})`);
    }
    if (value !== undefined && value !== 'true' && value !== 'false') {
      throw new UsageError(`feature gate ${name} takes true or false, not ${JSON.stringify(value)}`);
    }
    if (value !== 'false') gates.push(name);
  }
  return {
    endpointSliceSupport: options.endpointslice === true,
    featureGates: gates,
    podTopologyLabelsSupport: options['pod-topology-labels'] === true,
  };
}
