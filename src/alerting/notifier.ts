import { EmailOptions, emailRenderer } from './email';
import { NotifierRenderer } from './notifier-context';
import { OpsgenieOptions, opsgenieRenderer } from './opsgenie';
import { PagerDutyOptions, pagerDutyRenderer } from './pagerduty';
import { SlackOptions, slackRenderer } from './slack';
import { WebhookOptions, webhookRenderer } from './webhook';

/**
 * A notification integration of a receiver. Credentials are always Secret key references: in
 * alertmanager.yaml they become `*_file` paths under `/etc/alertmanager/secrets/<secret>/<key>`
 * (the Alertmanager mounts the Secrets through `spec.secrets`, so they must live in its
 * namespace); in an AlertmanagerConfig they become Secret key selectors of Secrets in that
 * object's namespace.
 */
export class Notifier {
  /** POSTs the alerts as JSON to an HTTP endpoint. */
  public static webhook(options: WebhookOptions): Notifier {
    return new Notifier(webhookRenderer(options));
  }

  /** Sends an email. */
  public static email(options: EmailOptions): Notifier {
    return new Notifier(emailRenderer(options));
  }

  /** Posts to Slack through an incoming webhook. */
  public static slack(options: SlackOptions = {}): Notifier {
    return new Notifier(slackRenderer(options));
  }

  /** Opens a PagerDuty incident. */
  public static pagerDuty(options: PagerDutyOptions): Notifier {
    return new Notifier(pagerDutyRenderer(options));
  }

  /** Creates an Opsgenie alert. */
  public static opsgenie(options: OpsgenieOptions = {}): Notifier {
    return new Notifier(opsgenieRenderer(options));
  }

  private constructor(private readonly renderer: NotifierRenderer) {}

  /**
   * The integration's renderings.
   * @internal
   */
  public get _renderer(): NotifierRenderer {
    return this.renderer;
  }
}
