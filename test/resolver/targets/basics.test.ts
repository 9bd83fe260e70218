import { cidrAddressAllocator, loopbackAddressAllocator } from '../../../src/resolver/targets';
import { simulateCluster } from '../../../src/resolver/targets/cluster';
import { discoverKubernetes } from '../../../src/resolver/targets/kubernetes-sd';

describe('Kubernetes SD selectors', () => {
  test('a malformed selector is named in the error', () => {
    const sd = { role: 'pod', selectors: [{ role: 'pod', label: 'app=(web' }] };
    expect(() => discoverKubernetes(sd, simulateCluster([]), 'sd')).toThrow('sd.selectors[0]: invalid label selector "app=(web"');
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
