import { agent, context, prometheus, secret } from './helpers';
import {
  endpointRoleFlavor, kubernetesSDConfig, labelSelectorString, namespacesFor,
} from '../../../../src/resolver/render/scrape/kubernetes-sd';
import { AssetStore } from '../../../../src/resolver/render/store';

describe('kubernetes SD', () => {
  test('label selectors print as Kubernetes does: sorted by key, set values sorted', () => {
    expect(labelSelectorString({
      matchLabels: { group: 'group1', app: 'x' },
      matchExpressions: [
        { key: 'group', operator: 'In', values: ['b', 'a'] },
        { key: 'tier', operator: 'NotIn', values: ['db'] },
        { key: 'has', operator: 'Exists' },
        { key: 'gone', operator: 'DoesNotExist' },
      ],
    })).toBe('app=x,!gone,group=group1,group in (a,b),has,tier notin (db)');
    expect(labelSelectorString({})).toBe('');
  });

  test('namespaces: own namespace by default, none for any, names otherwise, own when selectors are ignored', () => {
    const ctx = context(prometheus());
    expect(namespacesFor(ctx, undefined, 'ns1')).toEqual(['ns1']);
    expect(namespacesFor(ctx, { any: true, matchNames: ['x'] }, 'ns1')).toEqual([]);
    expect(namespacesFor(ctx, { matchNames: ['a', 'b'] }, 'ns1')).toEqual(['a', 'b']);
    const ignoring = context(prometheus({ ignoreNamespaceSelectors: true }));
    expect(namespacesFor(ignoring, { any: true }, 'ns1')).toEqual(['ns1']);
  });

  test('EndpointSlice needs cluster support, Prometheus >= 2.21 and the role', () => {
    expect(endpointRoleFlavor(context(prometheus()), 'EndpointSlice')).toBe('endpoints');
    const supported = { endpointSliceSupport: true };
    expect(endpointRoleFlavor(context(prometheus(), supported), 'EndpointSlice')).toBe('endpointslice');
    expect(endpointRoleFlavor(context(prometheus(), supported), undefined)).toBe('endpoints');
    expect(endpointRoleFlavor(context(prometheus({ version: 'v2.20.0' }), supported), 'EndpointSlice')).toBe('endpoints');
  });

  test('API server access, attach metadata, DaemonSet node selector and role selectors, in order', () => {
    const objects = [secret('api', { user: 'u', pass: 'p' })];
    const prom = prometheus({
      apiserverConfig: { host: 'https://kube', basicAuth: { username: { name: 'api', key: 'user' }, password: { name: 'api', key: 'pass' } } },
    });
    const ctx = context(prom, {}, objects);
    const sd = kubernetesSDConfig(ctx, {
      namespace: 'default',
      store: AssetStore.of(ctx).forNamespace('default'),
      role: 'pod',
      attachMetadata: { minimumVersion: '2.35.0', node: true },
      roleSelector: { roles: ['pod'], selector: { matchLabels: { a: 'b' } } },
    });
    expect(sd).toEqual({
      role: 'pod',
      namespaces: { names: ['default'] },
      api_server: 'https://kube',
      basic_auth: { username: 'u', password: 'p' },
      attach_metadata: { node: true },
      selectors: [{ role: 'pod', label: 'a=b' }],
    });
    expect(Object.keys(sd)).toEqual(['role', 'namespaces', 'api_server', 'basic_auth', 'attach_metadata', 'selectors']);

    const ds = context(agent({ mode: 'DaemonSet' }), { featureGates: ['PrometheusAgentDaemonSet'] });
    expect(kubernetesSDConfig(ds, { namespace: 'default', store: AssetStore.of(ds).forNamespace('default'), role: 'pod' }).selectors)
      .toEqual([{ role: 'pod', field: 'spec.nodeName=$(NODE_NAME)' }]);
  });

  test('attach_metadata is dropped below its minimum version, with a warning', () => {
    const ctx = context(prometheus({ version: 'v2.36.0' }));
    const sd = kubernetesSDConfig(ctx, {
      namespace: 'default',
      store: AssetStore.of(ctx).forNamespace('default'),
      role: 'endpoints',
      attachMetadata: { minimumVersion: '2.37.0', node: true },
    });
    expect(sd.attach_metadata).toBeUndefined();
    expect(ctx.warnings).toEqual(['ignoring "attach_metadata" not supported by Prometheus 2.36.0 (requires Prometheus >= 2.37.0)']);
  });
});
