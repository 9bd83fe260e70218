import { cidrAddressAllocator, loopbackAddressAllocator } from '../../../src/resolver/targets';
import { FieldSelector, LabelSelector } from '../../../src/resolver/targets/selectors';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'fe' };
  test.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app in (web, api)', true],
    ['tier notin (fe)', false],
    ['missing notin (x)', true],
    ['app,tier', true],
    ['!missing', true],
    ['!app', false],
    ['app=web,tier=be', false],
  ])('%j matches: %s', (selector, expected) => {
    expect(LabelSelector.parse(selector).matches(labels)).toBe(expected);
  });

  test('a malformed selector is named in the error', () => {
    expect(() => LabelSelector.parse('app=(web')).toThrow('invalid label selector "app=(web"');
  });
});

describe('field selectors', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' }, spec: { nodeName: 'n1' }, status: { phase: 'Running' } };
  test('compare object fields', () => {
    expect(FieldSelector.parse('spec.nodeName=n1').matches(pod)).toBe(true);
    expect(FieldSelector.parse('status.phase!=Running').matches(pod)).toBe(false);
    expect(FieldSelector.parse('metadata.name=p,metadata.namespace=ns').matches(pod)).toBe(true);
    expect(FieldSelector.parse('').matches(pod)).toBe(true);
  });
});

describe('address allocators', () => {
  test('hand out consecutive addresses per kind from their ranges', () => {
    const a = cidrAddressAllocator({ pod: '10.1.0.0/30', node: '192.168.5.0/24' });
    expect(a.allocate('pod', 'ns/a')).toBe('10.1.0.1');
    expect(a.allocate('pod', 'ns/b')).toBe('10.1.0.2');
    expect(a.allocate('node', 'n')).toBe('192.168.5.1');
    expect(a.allocate('service', 'ns/s')).toBe('10.96.0.1');
    expect(() => a.allocate('pod', 'ns/c')).toThrow('the pod address range 10.1.0.0/30 has no address left');
  });

  test('the loopback allocator stays on 127.0.0.0/8 and skips 127.0.0.1', () => {
    const a = loopbackAddressAllocator();
    expect(a.allocate('pod', 'x')).toBe('127.0.0.2');
    expect(a.allocate('node', 'x')).toBe('127.0.1.2');
    expect(a.allocate('service', 'x')).toBe('127.0.2.2');
  });

  test('an invalid range is rejected with the allowed form', () => {
    expect(() => cidrAddressAllocator({ pod: '10.0.0.0' })).toThrow('invalid IPv4 range "10.0.0.0": use a CIDR such as 10.244.0.0/16');
  });
});
