import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { buildDemo, buildPodMonitorVariant, synthDemo } from '../../examples/demo';
import { formatSummary } from '../../examples/summary';
import { expectWired } from '../patterns/wiring';
import { expectValidAgainstCrds } from '../support/crd-schema';

const ROOT = path.join(__dirname, '..', '..');
const names = (objects: any[]) => objects.map((o) => `${o.kind} ${o.metadata.namespace ? o.metadata.namespace + '/' : ''}${o.metadata.name}`);
const find = (objects: any[], kind: string) => objects.find((o) => o.kind === kind);

describe('the classic demo', () => {
  const demo = Testing.synth(buildDemo(Testing.app()).demo);
  const variant = Testing.synth(buildPodMonitorVariant(Testing.app()));

  test('demo.k8s.yaml: Namespace, Deployment, Service and ServiceMonitor with exactly these names', () => {
    expect(names(demo)).toEqual(['Namespace demo', 'Deployment demo/demo-go', 'Service demo/demo-go', 'ServiceMonitor monitoring/demo-go']);
    expect(demo).toMatchSnapshot();
  });

  test('demo-podmonitor.k8s.yaml: the same app, object for object, with a PodMonitor instead', () => {
    expect(names(variant)).toEqual(['Namespace demo', 'Deployment demo/demo-go', 'Service demo/demo-go', 'PodMonitor monitoring/demo-go']);
    expect(variant.filter((o) => o.kind !== 'PodMonitor')).toEqual(demo.filter((o) => o.kind !== 'ServiceMonitor'));
    expect(variant).toMatchSnapshot();
  });

  test('the Deployment: 2 replicas, port http 8080, probes on /hello, 50m/64Mi requests and 500m/256Mi limits', () => {
    const deployment = find(demo, 'Deployment');
    const [container] = deployment.spec.template.spec.containers;
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.template.spec.containers).toHaveLength(1);
    expect(container.ports).toEqual([{ containerPort: 8080, name: 'http' }]);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/hello', port: 8080, scheme: 'HTTP' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/hello', port: 8080, scheme: 'HTTP' });
    expect(container.resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    expect(container.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
  });

  test('the Service: port metrics 8080 targeting the container port http, labelled app: demo-go', () => {
    const service = find(demo, 'Service');
    expect(service.metadata.labels).toEqual({ app: 'demo-go' });
    expect(service.spec.ports).toEqual([{ name: 'metrics', port: 8080, targetPort: 'http' }]);
    expect(service.spec.selector).toEqual({ app: 'demo-go' });
  });

  test('the ServiceMonitor: in monitoring, release: prometheus, namespace demo, selector app: demo-go, port metrics, /metrics every 15s', () => {
    expect(find(demo, 'ServiceMonitor')).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'demo-go', namespace: 'monitoring', labels: { release: 'prometheus' } },
      spec: {
        namespaceSelector: { matchNames: ['demo'] },
        selector: { matchLabels: { app: 'demo-go' } },
        endpoints: [{ port: 'metrics', path: '/metrics', interval: '15s' }],
      },
    });
  });

  test('the PodMonitor: the same selection, scraping the container port http', () => {
    expect(find(variant, 'PodMonitor')).toEqual({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: 'demo-go', namespace: 'monitoring', labels: { release: 'prometheus' } },
      spec: {
        namespaceSelector: { matchNames: ['demo'] },
        selector: { matchLabels: { app: 'demo-go' } },
        podMetricsEndpoints: [{ port: 'http', path: '/metrics', interval: '15s' }],
      },
    });
  });

  test('monitors are valid against the CRDs and wired to the Service and pods', () => {
    expect(expectValidAgainstCrds([...demo, ...variant])).toBe(2);
    const [serviceMonitor] = expectWired(demo);
    expect(names(serviceMonitor.services)).toEqual(['Service demo/demo-go']);
    expect(names(serviceMonitor.workloads)).toEqual(['Deployment demo/demo-go']);
    const [podMonitor] = expectWired(variant);
    expect(names(podMonitor.workloads)).toEqual(['Deployment demo/demo-go']);
  });
});

describe('synthDemo and npm run demo', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-test-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('writes one file per chart, replacing what was there, and lists what it wrote', () => {
    const outdir = path.join(dir, 'dist');
    fs.mkdirSync(outdir);
    fs.writeFileSync(path.join(outdir, 'stale.k8s.yaml'), 'kind: Stale\n');
    const written = synthDemo(outdir);
    expect(fs.readdirSync(outdir).sort()).toEqual(['demo-podmonitor.k8s.yaml', 'demo.k8s.yaml']);
    expect(written.map((f) => f.file)).toEqual(['demo.k8s.yaml', 'demo-podmonitor.k8s.yaml']);
    const onDisk = parseAllDocuments(fs.readFileSync(path.join(outdir, 'demo.k8s.yaml'), 'utf8')).map((d) => d.toJS());
    expect(onDisk).toEqual(Testing.synth(buildDemo(Testing.app()).demo));
    expect(written[0].objects).toEqual([
      { kind: 'Namespace', name: 'demo', namespace: undefined },
      { kind: 'Deployment', namespace: 'demo', name: 'demo-go' },
      { kind: 'Service', namespace: 'demo', name: 'demo-go' },
      { kind: 'ServiceMonitor', namespace: 'monitoring', name: 'demo-go' },
    ]);
    expect(formatSummary('dist', written).split('\n')).toEqual([
      'Wrote 8 objects in 2 files to dist/:',
      '  demo.k8s.yaml',
      '    Namespace       demo',
      '    Deployment      demo/demo-go',
      '    Service         demo/demo-go',
      '    ServiceMonitor  monitoring/demo-go',
      '  demo-podmonitor.k8s.yaml',
      '    Namespace   demo',
      '    Deployment  demo/demo-go',
      '    Service     demo/demo-go',
      '    PodMonitor  monitoring/demo-go',
    ]);
  });

  test('the demo script writes dist/ in the working directory and prints the summary', () => {
    const stdout = execFileSync(path.join(ROOT, 'node_modules', '.bin', 'ts-node'), ['--transpile-only', path.join(ROOT, 'examples', 'demo.ts')], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(stdout).toContain('Wrote 8 objects in 2 files to dist/:');
    expect(stdout).toContain('ServiceMonitor  monitoring/demo-go');
    expect(stdout).toContain('The *-podmonitor file is the same app scraped by a PodMonitor instead of the ServiceMonitor: apply one or the other.');
    expect(fs.readdirSync(path.join(dir, 'dist')).sort()).toEqual(['demo-podmonitor.k8s.yaml', 'demo.k8s.yaml']);
  });
});
