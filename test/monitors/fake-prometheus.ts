import { Construct } from 'constructs';
import { ISelectingPrometheus, SelectableKind } from '../../src';

/**
 * A test double of the ISelectingPrometheus contract: selects ServiceMonitors, PodMonitors and
 * Probes by fixed labels and no other kind, as a Prometheus with only those selectors would.
 */
export class FakeSelectingPrometheus extends Construct implements ISelectingPrometheus {
  public readonly namespace = 'monitoring';
  public readonly prometheusKey = 'monitoring/main';

  constructor(scope: Construct, id: string, private readonly labels: { [key: string]: string }) {
    super(scope, id);
  }

  public selectionLabels(kind: SelectableKind): { [key: string]: string } {
    if (kind === SelectableKind.PROMETHEUS_RULE || kind === SelectableKind.SCRAPE_CONFIG) {
      throw new Error(`${this.node.path}: ${kind}Selector: this Prometheus selects no ${kind}s.`);
    }
    return { ...this.labels };
  }
}
