import { IConstruct } from 'constructs';

/**
 * An Alertmanager that a Prometheus sends alerts to: the Service in front of it and the named
 * port, as the Prometheus CR's `spec.alerting.alertmanagers[]` entry refers to them.
 */
export interface IAlertmanagerEndpoint extends IConstruct {
  /** Namespace of the Alertmanager's Service. */
  readonly namespace: string;
  /** Name of the Service that fronts the Alertmanager pods. */
  readonly serviceName: string;
  /** Name of the Service port serving the Alertmanager API (`web` by convention). */
  readonly portName: string;
}
