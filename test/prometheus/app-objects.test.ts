import { ApiObject, Chart, JsonPatch, Lazy, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { Checks, Prometheus, Selector } from '../../src';
import { AppObjects, appObjectsOfKinds } from '../../src/prometheus/app-objects';

/** Counts the renderings of `obj` (calls of its toJson). */
function countRenders(obj: ApiObject): { count: number } {
  const counter = { count: 0 };
  const render = obj.toJson.bind(obj);
  obj.toJson = () => {
    counter.count++;
    return render();
  };
  return counter;
}

function monitor(scope: Construct, id: string, namespace: string, labels: Record<string, string> = { prometheus: 'k8s' }): ApiObject {
  return new ApiObject(scope, id, {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: id, namespace, labels },
    spec: { selector: { matchLabels: { app: id } }, endpoints: [{ port: 'm' }] },
  });
}

/** The namespaces of the Roles and the default ServiceMonitor namespace selector in `objects`. */
function access(objects: any[]): { roles: string[]; clusterRoleRules: unknown; serviceMonitorNamespaces: unknown } {
  const prometheus = objects.find((o) => o.kind === 'Prometheus');
  return {
    roles: objects.filter((o) => o.kind === 'Role').map((o) => o.metadata.namespace),
    clusterRoleRules: objects.find((o) => o.kind === 'ClusterRole')?.rules,
    serviceMonitorNamespaces: prometheus.spec.serviceMonitorNamespaceSelector?.matchExpressions?.[0]?.values,
  };
}

describe('RBAC and default namespace selectors follow the app from one synthesis to the next', () => {
  function app() {
    const a = Testing.app();
    Checks.enable(a, { printFindings: false });
    const monitoring = new Chart(a, 'monitoring', { namespace: 'monitoring' });
    const prometheus = new Prometheus(monitoring, 'k8s', { serviceMonitorSelector: Selector.matchLabels({ prometheus: 'k8s' }) });
    const apps = new Chart(a, 'apps');
    const shop = monitor(apps, 'shop', 'shop');
    return { a, monitoring, prometheus, apps, shop };
  }

  test('a monitor added between two syntheses', () => {
    const { monitoring, apps } = app();
    expect(access(Testing.synth(monitoring))).toMatchObject({ roles: ['monitoring', 'shop'], serviceMonitorNamespaces: ['monitoring', 'shop'] });
    monitor(apps, 'web', 'web');
    expect(access(Testing.synth(monitoring))).toMatchObject({ roles: ['monitoring', 'shop', 'web'], serviceMonitorNamespaces: ['monitoring', 'shop', 'web'] });
  });

  test('a JSON patch added between two syntheses', () => {
    const { a, monitoring, shop } = app();
    expect(access(Testing.synth(monitoring)).roles).toEqual(['monitoring', 'shop']);
    shop.addJsonPatch(JsonPatch.replace('/metadata/namespace', 'store'));
    expect(access(Testing.synth(monitoring))).toMatchObject({ roles: ['monitoring', 'store'], serviceMonitorNamespaces: ['monitoring', 'store'] });
    shop.addJsonPatch(JsonPatch.replace('/metadata/labels', { prometheus: 'other' }));
    Checks.acknowledge(shop, 'SEL-MONITOR-UNSELECTED', 'no longer meant for this Prometheus');
    expect(a.synthYaml()).toMatch(/namespace: store/);
    expect(access(Testing.synth(monitoring))).toEqual({ roles: ['monitoring'], clusterRoleRules: undefined, serviceMonitorNamespaces: undefined });
  });

  test('a lazily rendered field of a monitor that changes between two syntheses', () => {
    const { monitoring, apps } = app();
    const names = ['team'];
    new ApiObject(apps, 'lazy', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'lazy', namespace: 'team', labels: { prometheus: 'k8s' } },
      spec: { selector: { matchLabels: { app: 'lazy' } }, namespaceSelector: Lazy.any({ produce: () => ({ matchNames: [...names] }) }), endpoints: [{ port: 'm' }] },
    });
    expect(access(Testing.synth(monitoring)).roles).toEqual(['monitoring', 'shop', 'team']);
    names.push('team-b');
    expect(access(Testing.synth(monitoring)).roles).toEqual(['monitoring', 'shop', 'team', 'team-b']);
  });

  test('the same objects from every synthesis entry point, however often called', () => {
    const { a, monitoring } = app();
    const first = Testing.synth(monitoring);
    a.synthYaml();
    expect(Testing.synth(monitoring)).toEqual(first);
  });
});

describe('the Prometheus RBAC constructs validated in one pass render the app once', () => {
  test('three Prometheus: one rendering of each monitor per pass, for their plans and their default namespace selectors', () => {
    const a = Testing.app();
    const monitoring = new Chart(a, 'monitoring', { namespace: 'monitoring' });
    const rbacs = ['a', 'b', 'c'].map((name) => {
      new Prometheus(monitoring, name, { serviceMonitorSelector: Selector.all(), podMonitorSelector: Selector.all(), probeSelector: Selector.all() });
      return monitoring.node.findChild(name).node.findChild('Rbac');
    });
    const counted = countRenders(monitor(new Chart(a, 'apps'), 'sm', 'apps'));
    // What cdk8s does for each chart it synthesizes: validate every construct in tree order.
    const pass = () => rbacs.forEach((r) => expect(r.node.validate()).toEqual([]));
    pass();
    expect(counted.count).toBe(1);
    pass();
    expect(counted.count).toBe(2);
    const roles = monitoring.node.findAll().filter((c) => ApiObject.isApiObject(c) && c.kind === 'Role').map((r) => (r as ApiObject).toJson());
    expect(roles.map((r) => `${r.metadata.name} ${r.metadata.namespace}`)).toEqual([
      'prometheus-monitoring-a apps', 'prometheus-monitoring-a monitoring',
      'prometheus-monitoring-b apps', 'prometheus-monitoring-b monitoring',
      'prometheus-monitoring-c apps', 'prometheus-monitoring-c monitoring',
    ]);
  });
});

describe('AppObjects', () => {
  function tree() {
    const a = Testing.app();
    const c1 = new Chart(a, 'c1');
    const v1 = new Construct(c1, 'v1');
    const c2 = new Chart(a, 'c2');
    const v2 = new Construct(c2, 'v2');
    const v3 = new Construct(c2, 'v3');
    const sm = monitor(c1, 'sm', 'ns');
    return { a, c1, c2, v1, v2, v3, sm };
  }

  test('validators that follow each other in construct tree order share one collection; a new pass starts a new one', () => {
    const { v1, v2, v3 } = tree();
    const first = AppObjects.forValidation(v1);
    expect(AppObjects.forValidation(v2)).toBe(first);
    expect(AppObjects.forValidation(v3)).toBe(first);
    const second = AppObjects.forValidation(v1);
    expect(second).not.toBe(first);
    expect(AppObjects.forValidation(v3)).toBe(second);
    // v2 comes before the last user (v3): another pass.
    expect(AppObjects.forValidation(v2)).not.toBe(second);
  });

  test('a validator added after the collection, or one that left the tree, gets a new collection', () => {
    const { c2, v1, v2 } = tree();
    const first = AppObjects.forValidation(v1);
    const late = new Construct(c2, 'late');
    expect(AppObjects.forValidation(late)).not.toBe(first);
    const again = AppObjects.forValidation(v1);
    c2.node.tryRemoveChild('v2');
    expect(AppObjects.forValidation(v2)).not.toBe(again);
  });

  test('a collection renders each object at most once, and only the kinds asked for', () => {
    const { c1, sm } = tree();
    const counted = countRenders(sm);
    const other = new ApiObject(c1, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    const otherCount = countRenders(other);
    const objects = AppObjects.collect(c1);
    expect(objects.ofKinds(['ServiceMonitor']).map((o) => o.metadata.name)).toEqual(['sm']);
    expect(objects.ofKinds(['PodMonitor', 'ServiceMonitor']).map((o) => o.metadata.name)).toEqual(['sm']);
    expect([counted.count, otherCount.count]).toEqual([1, 0]);
  });

  test('appObjectsOfKinds reads the collection in use for the app, else the app as it is now', () => {
    const { a, c1, sm } = tree();
    const objects = AppObjects.collect(c1);
    expect(objects.ofKinds(['ServiceMonitor']).map((o) => o.metadata.namespace)).toEqual(['ns']);
    sm.addJsonPatch(JsonPatch.replace('/metadata/namespace', 'moved'));
    const inUse = objects.use(() => appObjectsOfKinds(c1, ['ServiceMonitor']).map((o) => o.metadata.namespace));
    expect(inUse).toEqual(['ns']);
    expect(appObjectsOfKinds(c1, ['ServiceMonitor']).map((o) => o.metadata.namespace)).toEqual(['moved']);
    // Another app is not affected by the collection in use.
    const otherApp = Testing.app();
    monitor(new Chart(otherApp, 'x'), 'other', 'elsewhere');
    expect(objects.use(() => appObjectsOfKinds(otherApp, ['ServiceMonitor']).map((o) => o.metadata.name))).toEqual(['other']);
    expect(a.node.root).toBe(a);
  });
});

describe('synthesis sessions', () => {
  function tree() {
    const a = Testing.app();
    const c1 = new Chart(a, 'c1');
    const v1 = new Construct(c1, 'v1');
    const c2 = new Chart(a, 'c2');
    const v2 = new Construct(c2, 'v2');
    const sm = monitor(c1, 'sm', 'ns');
    return { a, c1, c2, v1, v2, sm };
  }

  test('every reading of the app in a session is the session\'s, made once; after it the app is read afresh', () => {
    const { a, c1, v1, v2, sm } = tree();
    const counted = countRenders(sm);
    const before = AppObjects.readings;
    const inSession = AppObjects.session(a, () => {
      const reading = AppObjects.collect(c1);
      // Passes of validation (v1 after v2 starts a new pass outside a session), computations and collections alike.
      const readings = [
        AppObjects.forValidation(v1), AppObjects.forValidation(v2), AppObjects.forValidation(v1), AppObjects.current(v2), AppObjects.collect(a),
      ];
      expect(readings.map((r) => r === reading)).toEqual([true, true, true, true, true]);
      expect(AppObjects.session(c1, () => AppObjects.collect(v2)) === reading).toBe(true);
      return appObjectsOfKinds(v2, ['ServiceMonitor']).map((o) => o.metadata.namespace);
    });
    expect(inSession).toEqual(['ns']);
    expect(AppObjects.readings - before).toBe(1);
    expect(counted.count).toBe(1);
    sm.addJsonPatch(JsonPatch.replace('/metadata/namespace', 'moved'));
    expect(appObjectsOfKinds(v1, ['ServiceMonitor']).map((o) => o.metadata.namespace)).toEqual(['moved']);
    expect(AppObjects.forValidation(v1).ofKinds(['ServiceMonitor']).map((o) => o.metadata.namespace)).toEqual(['moved']);
  });

  test('a session ends when its work throws; sessions of two apps are apart', () => {
    const one = tree();
    const two = tree();
    let reading: AppObjects | undefined;
    expect(() => AppObjects.session(one.a, () => {
      reading = AppObjects.collect(one.a);
      expect(AppObjects.collect(two.a) === AppObjects.collect(two.a)).toBe(false);
      throw new Error('synth failed');
    })).toThrow('synth failed');
    expect(AppObjects.collect(one.a) === reading).toBe(false);
  });

  test('a lazily rendered field is read once in a session, and again in the next', () => {
    const { a, c1, v1 } = tree();
    const names = ['team'];
    new ApiObject(c1, 'lazy', {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'lazy', namespace: Lazy.any({ produce: () => names.join('-') }) },
    });
    const namespaces = () => AppObjects.forValidation(v1).ofKinds(['ServiceMonitor']).map((o) => o.metadata.namespace);
    expect(AppObjects.session(a, () => {
      const first = namespaces();
      names.push('b');
      return [first, namespaces()];
    })).toEqual([['ns', 'team'], ['ns', 'team']]);
    expect(AppObjects.session(a, namespaces)).toEqual(['ns', 'team-b']);
  });

  test('in a session each Prometheus RBAC creates its access objects once, however many validation passes', () => {
    const a = Testing.app();
    const monitoring = new Chart(a, 'monitoring', { namespace: 'monitoring' });
    const rbacs = ['a', 'b'].map((name) => {
      new Prometheus(monitoring, name, { serviceMonitorSelector: Selector.all() });
      return monitoring.node.findChild(name).node.findChild('Rbac');
    });
    const counted = countRenders(monitor(new Chart(a, 'apps'), 'sm', 'apps'));
    const accessOf = () => rbacs.map((r) => r.node.findChild('Access'));
    const pass = () => rbacs.forEach((r) => expect(r.node.validate()).toEqual([]));
    const created = AppObjects.session(a, () => {
      pass();
      const first = accessOf();
      pass();
      pass();
      expect(accessOf().map((c, i) => c === first[i])).toEqual([true, true]);
      return first;
    });
    expect(counted.count).toBe(1);
    pass();
    expect(counted.count).toBe(2);
    expect(accessOf().map((c, i) => c === created[i])).toEqual([false, false]);
  });

  test('outside a session, validated again later in the same pass (after the checks ran it), an RBAC keeps the access objects the checks read', () => {
    const a = Testing.app();
    Checks.enable(a, { printFindings: false });
    const one = new Prometheus(new Chart(a, 'one', { namespace: 'monitoring' }), 'p', { serviceMonitorSelector: Selector.all() });
    const two = new Prometheus(new Chart(a, 'two', { namespace: 'audit' }), 'p', { serviceMonitorSelector: Selector.all() });
    monitor(new Chart(a, 'apps'), 'sm', 'apps');
    const checks = Checks.of(a);
    const rbacs = [one, two].map((p) => p.node.findChild('Rbac'));
    expect(a.node.children.map((c) => c.node.id)).toEqual(['cdk8s-prometheus-checks', 'one', 'two', 'apps']);
    const accessObjects = () => rbacs.map((r) => r.node.findChild('Access'));
    // One pass in cdk8s's order: the checks (which run the validations after them first), then the RBACs.
    expect(checks.node.validate()).toEqual([]);
    const read = accessObjects();
    expect(read.flatMap((c) => c.node.children.map((r) => r.node.id))).toEqual([
      'Role-apps', 'RoleBinding-apps', 'Role-monitoring', 'RoleBinding-monitoring', 'Role-apps', 'RoleBinding-apps', 'Role-audit', 'RoleBinding-audit',
    ]);
    rbacs.forEach((r) => expect(r.node.validate()).toEqual([]));
    expect(accessObjects().map((c, i) => c === read[i])).toEqual([true, true]);
    // The next pass computes the access afresh.
    checks.node.validate();
    expect(accessObjects().map((c, i) => c === read[i])).toEqual([false, false]);
  });
});
