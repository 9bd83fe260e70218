/**
 * The operator's rejection checks for ScrapeConfigs (resource_selector.go checkScrapeConfig and
 * its validate*SDConfigs): credentials present, intervals, relabelings, static labels, and for
 * each service discovery the Prometheus version it needs and its own consistency rules.
 */

import { quote, reject, within } from './check-error';
import { CheckContext, checkScrapeClass, checkScrapeIntervalAndTimeout, checkStaticLabels, urlParseError, validateServer } from './common';
import { validateRelabelConfigs } from './relabel';
import { versionBelow } from '../../render/version';
import { ALLOWED_SELECTOR_ROLES } from '../../targets/kubernetes-sd';
import { LabelSelectorError } from '../label-selector';
import { FieldSelector, FieldSelectorError, parseLabelSelectorString } from '../selector-strings';

/** The HTTP client settings an SD config may carry, checked in the order the operator lists them. */
type Setting = 'basicAuth' | 'authorization' | 'oauth2' | 'tls' | 'proxy';

function checkSettings(ctx: CheckContext, ns: string, cfg: any, order: Setting[]): void {
  for (const s of order) {
    switch (s) {
      case 'basicAuth': ctx.assets.basicAuth(ns, cfg.basicAuth); break;
      case 'authorization': ctx.assets.safeAuthorization(ns, cfg.authorization); break;
      case 'oauth2': ctx.assets.oauth2(ns, cfg.oauth2); break;
      case 'tls': ctx.assets.safeTlsConfig(ns, cfg.tlsConfig); break;
      case 'proxy': ctx.assets.validatedProxyConfig(ns, cfg); break;
    }
  }
}

/** Runs `fn` for each entry of `list`, prefixing its error with `[i]: `. */
function each(list: any[] | undefined, fn: (cfg: any, i: number) => void): void {
  (list ?? []).forEach((cfg, i) => within(`[${i}]`, () => fn(cfg ?? {}, i)));
}

function minVersion(ctx: CheckContext, min: string, message: string): void {
  if (versionBelow(ctx.version, min)) reject(message);
}

function checkUrl(raw: unknown): void {
  const err = urlParseError(String(raw ?? ''));
  if (err) reject(err);
}

/** A ScrapeConfig the Prometheus selected. */
export function checkScrapeConfig(ctx: CheckContext, sc: any): void {
  const spec = sc.spec ?? {};
  const ns: string = sc.metadata?.namespace ?? '';
  const secret = (sel: any) => ctx.assets.secretKey(ns, sel);
  const SD: Array<[string, () => void]> = [
    ['staticConfigs', () => each(spec.staticConfigs, (c) => checkStaticLabels(ctx, c.labels))],
    ['httpSDConfigs', () => {
      minVersion(ctx, '2.28.0', 'HTTP SD configuration is only supported for Prometheus version >= 2.28.0');
      each(spec.httpSDConfigs, (c) => {
        checkUrl(c.url);
        checkSettings(ctx, ns, c, ['basicAuth', 'authorization', 'oauth2', 'tls', 'proxy']);
      });
    }],
    ['kubernetesSDConfigs', () => (spec.kubernetesSDConfigs ?? []).forEach((c: any, i: number) => checkKubernetesSd(ctx, ns, c ?? {}, i))],
    ['consulSDConfigs', () => (spec.consulSDConfigs ?? []).forEach((c: any, i: number) => {
      c = c ?? {};
      if (c.pathPrefix !== undefined) minVersion(ctx, '2.45.0', 'field `config.PathPrefix` is only supported for Prometheus version >= 2.45.0');
      if (c.namespace !== undefined) minVersion(ctx, '2.28.0', 'field `config.Namespace` is only supported for Prometheus version >= 2.28.0');
      if (c.filter !== undefined && ctx.version.major < 3) reject('field `config.Filter` is only supported for Prometheus version >= 3.0.0');
      if (c.healthFilter !== undefined) minVersion(ctx, '3.11.2', 'field `config.HealthFilter` is only supported for Prometheus version >= 3.11.2');
      within(`[${i}]`, () => {
        checkSettings(ctx, ns, c, ['basicAuth', 'authorization', 'oauth2', 'tls']);
        if (c.tokenRef) secret(c.tokenRef);
        checkSettings(ctx, ns, c, ['proxy']);
      });
    })],
    ['dnsSDConfigs', () => each(spec.dnsSDConfigs, (c) => {
      if (c.type !== undefined && c.type !== 'SRV' && c.port === undefined) reject(`port required for record type ${quote(c.type)}`);
    })],
    ['ec2SDConfigs', () => each(spec.ec2SDConfigs, (c) => {
      if (c.accessKey) secret(c.accessKey);
      if (c.secretKey) secret(c.secretKey);
      checkSettings(ctx, ns, c, ['tls', 'proxy']);
    })],
    ['azureSDConfigs', () => each(spec.azureSDConfigs, (c) => checkAzureSd(ctx, ns, c))],
    ['openstackSDConfigs', () => each(spec.openstackSDConfigs, (c) => {
      if (c.role === 'LoadBalancer' && versionBelow(ctx.version, '3.2.0')) reject(`The ${c.role} role is only supported from Prometheus version 3.2.0`);
      if (c.password) secret(c.password);
      if (c.applicationCredentialSecret) secret(c.applicationCredentialSecret);
      checkSettings(ctx, ns, c, ['tls']);
    })],
    ['digitalOceanSDConfigs', () => {
      minVersion(ctx, '2.20.0', 'service discovery for Digital Ocean is only supported for Prometheus version >= 2.20.0');
      each(spec.digitalOceanSDConfigs, (c) => checkSettings(ctx, ns, c, ['authorization', 'oauth2', 'tls', 'proxy']));
    }],
    ['kumaSDConfigs', () => (spec.kumaSDConfigs ?? []).forEach((c: any, i: number) => {
      c = c ?? {};
      if (c.clientID !== undefined) minVersion(ctx, '2.50.0', 'field `clientID` in kuma SD configuration is only supported for Prometheus version >= 2.50.0');
      within(`[${i}]`, () => {
        validateServer(String(c.server ?? ''));
        checkSettings(ctx, ns, c, ['authorization', 'oauth2', 'tls', 'basicAuth', 'proxy']);
      });
    })],
    ['eurekaSDConfigs', () => each(spec.eurekaSDConfigs, (c) => checkSettings(ctx, ns, c, ['authorization', 'oauth2', 'tls', 'basicAuth', 'proxy']))],
    ['dockerSDConfigs', () => each(spec.dockerSDConfigs, (c) => {
      if (c.matchFirstNetwork !== undefined) minVersion(ctx, '2.54.1', 'field `matchFirstNetwork` is only supported for Prometheus version >= 2.54.1');
      checkSettings(ctx, ns, c, ['basicAuth', 'authorization', 'oauth2', 'tls']);
      checkUrl(c.host);
      checkSettings(ctx, ns, c, ['proxy']);
    })],
    ['linodeSDConfigs', () => {
      minVersion(ctx, '2.28.0', 'linode SD configuration is only supported for Prometheus version >= 2.28.0');
      each(spec.linodeSDConfigs, (c) => checkSettings(ctx, ns, c, ['authorization', 'oauth2', 'tls', 'proxy']));
    }],
    ['hetznerSDConfigs', () => each(spec.hetznerSDConfigs, (c) => {
      if (c.labelSelector !== undefined) minVersion(ctx, '3.5.0', 'field `labelSelector` is only supported for Prometheus version >= 3.5.0');
      checkSettings(ctx, ns, c, ['basicAuth', 'authorization', 'oauth2', 'tls', 'proxy']);
    })],
    ['nomadSDConfigs', () => each(spec.nomadSDConfigs, (c) => {
      validateServer(String(c.server ?? ''));
      checkSettings(ctx, ns, c, ['authorization', 'oauth2', 'tls', 'basicAuth', 'proxy']);
    })],
    ['dockerswarmSDConfigs', () => {
      minVersion(ctx, '2.20.0', 'dockerswarm SD configuration is only supported for Prometheus version >= 2.20.0');
      each(spec.dockerSwarmSDConfigs, (c) => {
        checkUrl(c.host);
        checkSettings(ctx, ns, c, ['authorization', 'oauth2', 'tls', 'basicAuth', 'proxy']);
      });
    }],
    ['puppetDBSDConfigs', () => {
      minVersion(ctx, '2.31.0', 'puppetDB SD configuration is only supported for Prometheus version >= 2.31.0');
      each(spec.puppetDBSDConfigs, (c) => {
        const url = String(c.url ?? '');
        checkUrl(url);
        const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(\/\/([^/?#]*))?/.exec(url);
        if (!m || (m[1].toLowerCase() !== 'http' && m[1].toLowerCase() !== 'https')) reject("URL scheme must be 'http' or 'https'");
        if (!m[3]) reject('host is missing in URL');
        checkSettings(ctx, ns, c, ['authorization', 'oauth2', 'tls', 'basicAuth', 'proxy']);
      });
    }],
    ['lightSailSDConfigs', () => {
      minVersion(ctx, '2.27.0', 'lightSail SD configuration is only supported for Prometheus version >= 2.27.0');
      each(spec.lightSailSDConfigs, (c) => {
        if (c.accessKey) secret(c.accessKey);
        if (c.secretKey) secret(c.secretKey);
        checkSettings(ctx, ns, c, ['authorization', 'oauth2', 'tls', 'basicAuth', 'proxy']);
      });
    }],
    ['OVHCloudSDConfigs', () => {
      minVersion(ctx, '2.40.0', 'OVHCloud SD configuration is only supported for Prometheus version >= 2.40.0');
      each(spec.ovhcloudSDConfigs, (c) => {
        secret(c.applicationSecret ?? {});
        secret(c.consumerKey ?? {});
      });
    }],
    ['ScalewaySDConfigs', () => {
      minVersion(ctx, '2.26.0', 'ScaleWay SD configuration is only supported for Prometheus version >= 2.26.0');
      each(spec.scalewaySDConfigs, (c) => {
        secret(c.secretKey ?? {});
        checkSettings(ctx, ns, c, ['proxy', 'tls']);
      });
    }],
    ['IonosSDConfigs', () => {
      minVersion(ctx, '2.36.0', 'IONOS SD configuration is only supported for Prometheus version >= 2.36.0');
      each(spec.ionosSDConfigs, (c) => {
        ctx.assets.safeAuthorization(ns, c.authorization ?? {});
        checkSettings(ctx, ns, c, ['proxy', 'tls', 'oauth2']);
      });
    }],
  ];

  checkScrapeClass(ctx, spec.scrapeClass);
  within('relabelConfigs', () => validateRelabelConfigs(spec.relabelings, ctx.version));
  within('basicAuth', () => ctx.assets.basicAuth(ns, spec.basicAuth));
  within('authorization', () => ctx.assets.safeAuthorization(ns, spec.authorization));
  within('oauth2', () => ctx.assets.oauth2(ns, spec.oauth2));
  within('tlsConfig', () => ctx.assets.safeTlsConfig(ns, spec.tlsConfig));
  checkScrapeIntervalAndTimeout(ctx, spec.scrapeInterval, spec.scrapeTimeout);
  ctx.assets.validatedProxyConfig(ns, spec);
  within('metricRelabelConfigs', () => validateRelabelConfigs(spec.metricRelabelings, ctx.version));
  for (const [field, check] of SD) within(field, check);
}

function checkKubernetesSd(ctx: CheckContext, ns: string, c: any, i: number): void {
  within(`[${i}]`, () => checkSettings(ctx, ns, c, ['basicAuth', 'authorization', 'oauth2', 'tls', 'proxy']));
  if (c.role === 'EndpointSlice' && versionBelow(ctx.version, '2.21.0')) {
    reject(`[${i}]: EndpointSlice role is only supported for Prometheus version >= 2.21.0`);
  }
  if (c.apiServer !== undefined && c.namespaces !== undefined && c.namespaces.ownNamespace === true) {
    reject(`[${i}]: cannot use 'apiServer' and 'namespaces.ownNamespace' simultaneously`);
  }
  const role = String(c.role ?? '').toLowerCase();
  for (const s of c.selectors ?? []) {
    const allowed = ALLOWED_SELECTOR_ROLES[role];
    if (!allowed) reject(`[${i}]: invalid role: ${quote(s?.role)}, expecting one of: pod, service, endpoints, endpointslice, node or ingress`);
    if (!allowed.includes(String(s?.role ?? '').toLowerCase())) reject(`[${i}] : ${c.role} role supports only ${allowed.join(', ')} selectors`);
  }
  for (const s of c.selectors ?? []) {
    within(`[${i}]`, () => {
      try {
        if (s?.field !== undefined) FieldSelector.parse(String(s.field));
        if (s?.label !== undefined) parseLabelSelectorString(String(s.label));
      } catch (e) {
        if (e instanceof FieldSelectorError || e instanceof LabelSelectorError) reject(e.message);
        throw e;
      }
    });
  }
}

function checkAzureSd(ctx: CheckContext, ns: string, c: any): void {
  const method = String(c.authenticationMethod ?? '');
  if (method === 'SDK' && versionBelow(ctx.version, '2.52.0')) reject('SDK authentication is only supported from Prometheus version 2.52.0');
  if (method === 'WorkloadIdentity' && versionBelow(ctx.version, '3.11.0')) reject('WorkloadIdentity authentication is only supported from Prometheus version 3.11.0');
  if (c.resourceGroup !== undefined && versionBelow(ctx.version, '2.35.0')) reject('ResourceGroup is only supported from Prometheus version >= 2.35.0');
  if (method === 'ManagedIdentity' || method === 'SDK' || method === 'WorkloadIdentity') return;
  if (!c.tenantID) reject('configuration requires a tenantID');
  if (!c.clientID) reject('configuration requires a clientID');
  if (!c.clientSecret) reject('configuration requires a clientSecret');
  ctx.assets.secretKey(ns, c.clientSecret);
  checkSettings(ctx, ns, c, ['basicAuth', 'oauth2', 'proxy', 'tls', 'authorization']);
}
