import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { parseAllDocuments } from 'yaml';
import { fail } from '../common/errors';

/** The vendored CRD files of prometheus-operator v0.93.0 (shipped in the package under imports/crds). */
const CRD_DIR = path.join(__dirname, '..', '..', 'imports', 'crds');

/** Properties of {@link PrometheusOperatorCrds}. */
export interface PrometheusOperatorCrdsProps extends ChartProps {
  /**
   * Plural names of the CRDs to include (`prometheuses`, `servicemonitors`, ...).
   * @default - all ten CRDs of the operator
   */
  readonly only?: string[];
}

/**
 * The CustomResourceDefinitions of prometheus-operator v0.93.0, as their own chart so that they
 * are applied before anything that uses them.
 *
 * Apply this chart's output with `kubectl apply --server-side` (or your tool's server-side apply):
 * the Prometheus CRD is larger than the 256 KiB `last-applied-configuration` annotation that
 * client-side `kubectl apply` writes, and is rejected with "metadata.annotations: Too long".
 */
export class PrometheusOperatorCrds extends Chart {
  /** Plural names of every CRD the operator defines. */
  public static readonly ALL: string[] = [
    'alertmanagerconfigs', 'alertmanagers', 'podmonitors', 'probes', 'prometheusagents',
    'prometheuses', 'prometheusrules', 'scrapeconfigs', 'servicemonitors', 'thanosrulers',
  ];

  /** Full names of the CRDs in this chart (`prometheuses.monitoring.coreos.com`, ...). */
  public readonly crdNames: string[];

  constructor(scope: Construct, id: string, props: PrometheusOperatorCrdsProps = {}) {
    super(scope, id, { ...props, namespace: undefined });
    const wanted = props.only ?? PrometheusOperatorCrds.ALL;
    for (const plural of wanted) {
      if (!PrometheusOperatorCrds.ALL.includes(plural)) {
        fail(this, 'only', `"${plural}" is not a CRD of prometheus-operator. Use plural names among: ${PrometheusOperatorCrds.ALL.join(', ')}.`);
      }
    }
    this.crdNames = [];
    for (const plural of [...new Set(wanted)].sort()) {
      const crd = readCrd(plural);
      this.crdNames.push(crd.metadata.name);
      new ApiObject(this, crd.metadata.name, crd);
    }
  }
}

function readCrd(plural: string): any {
  const file = path.join(CRD_DIR, `monitoring.coreos.com_${plural}.yaml`);
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS()).filter((d) => d);
  if (docs.length !== 1 || docs[0].kind !== 'CustomResourceDefinition') {
    throw new Error(`${file}: expected exactly one CustomResourceDefinition, found ${docs.length} documents`);
  }
  return docs[0];
}
