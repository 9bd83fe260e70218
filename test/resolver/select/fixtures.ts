/** Builders for the objects selection tests need. */
import * as fs from 'fs';
import * as path from 'path';
import { KubeObject } from '../../../src/resolver/types';

export const CLIENT_CERT = fs.readFileSync(path.join(__dirname, 'certs', 'client.crt'), 'utf8');
export const CLIENT_KEY = fs.readFileSync(path.join(__dirname, 'certs', 'client.key'), 'utf8');
export const OTHER_KEY = fs.readFileSync(path.join(__dirname, 'certs', 'other.key'), 'utf8');

type Meta = { name: string; namespace?: string; labels?: Record<string, string> };

function obj(apiVersion: string, kind: string, meta: Meta, spec?: any): KubeObject {
  return { apiVersion, kind, metadata: { namespace: 'default', ...meta }, ...(spec === undefined ? {} : { spec }) };
}

export function prometheus(spec: any = {}, meta: Partial<Meta> = {}): KubeObject {
  return obj('monitoring.coreos.com/v1', 'Prometheus', { name: 'k8s', namespace: 'monitoring', ...meta }, spec);
}

export function agent(spec: any = {}, meta: Partial<Meta> = {}): KubeObject {
  return obj('monitoring.coreos.com/v1alpha1', 'PrometheusAgent', { name: 'agent', namespace: 'monitoring', ...meta }, spec);
}

export function serviceMonitor(meta: Meta, spec: any = { selector: {}, endpoints: [{ port: 'web' }] }): KubeObject {
  return obj('monitoring.coreos.com/v1', 'ServiceMonitor', meta, spec);
}

export function podMonitor(meta: Meta, spec: any = { selector: {}, podMetricsEndpoints: [{ port: 'web' }] }): KubeObject {
  return obj('monitoring.coreos.com/v1', 'PodMonitor', meta, spec);
}

export function probe(meta: Meta, spec: any = { prober: { url: 'blackbox:9115' }, targets: { staticConfig: { static: ['example.com'] } } }): KubeObject {
  return obj('monitoring.coreos.com/v1', 'Probe', meta, spec);
}

export function scrapeConfig(meta: Meta, spec: any = { staticConfigs: [{ targets: ['a:80'] }] }): KubeObject {
  return obj('monitoring.coreos.com/v1alpha1', 'ScrapeConfig', meta, spec);
}

export function prometheusRule(meta: Meta, spec: any = { groups: [{ name: 'g', rules: [{ alert: 'Up', expr: 'up == 0' }] }] }): KubeObject {
  return obj('monitoring.coreos.com/v1', 'PrometheusRule', meta, spec);
}

export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function secret(meta: Meta, stringData: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { namespace: 'default', ...meta }, stringData };
}

export function configMap(meta: Meta, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', ...meta }, data };
}

/** `namespace/name` of each object. */
export function keys(objects: readonly KubeObject[]): string[] {
  return objects.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
}
