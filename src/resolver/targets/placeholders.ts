import { createHash } from 'crypto';

/**
 * Deterministic stand-ins for what the cluster invents when it creates objects: generated name
 * suffixes, template hashes, UIDs and IP addresses. The same input always yields the same values,
 * so a preview is stable and a test can serve exactly the objects it predicts.
 */

/** The alphabet Kubernetes uses for generated name suffixes (no vowels, no confusable digits). */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function digest(seed: string): Buffer {
  return createHash('sha256').update(seed, 'utf8').digest();
}

/** A suffix of `length` characters in Kubernetes's generated-name alphabet, derived from `seed`. */
export function placeholderSuffix(seed: string, length: number): string {
  const bytes = digest(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += SAFE_ALPHABET[bytes[i] % SAFE_ALPHABET.length];
  }
  return out;
}

/** A UUID-shaped UID derived from `seed` (version 4 layout). */
export function placeholderUid(seed: string): string {
  const hex = digest(`uid:${seed}`).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What an address is being allocated for. */
export type AddressKind = 'pod' | 'node' | 'service';

/**
 * Hands out IP addresses for objects the cluster would give one: pods (status.podIP), nodes
 * (InternalIP, status.hostIP of their pods) and Services (spec.clusterIP). Called once per object,
 * in a deterministic order; `key` is `namespace/name` (or the node name).
 */
export interface AddressAllocator {
  allocate(kind: AddressKind, key: string): string;
}

/** The IPv4 ranges a CIDR allocator uses, one per kind. */
export interface AddressRanges {
  /** @default '10.244.0.0/16' (a common pod network) */
  readonly pod?: string;
  /** @default '10.89.0.0/24' */
  readonly node?: string;
  /** @default '10.96.0.0/12' (the default Service range) */
  readonly service?: string;
  /** Offset of the first address handed out within each range. @default 1 */
  readonly firstOffset?: number;
}

/**
 * An allocator handing out consecutive addresses from an IPv4 range per kind. Throws when a range
 * runs out.
 */
export function cidrAddressAllocator(ranges: AddressRanges = {}): AddressAllocator {
  const cidrs: Record<AddressKind, string> = {
    pod: ranges.pod ?? '10.244.0.0/16',
    node: ranges.node ?? '10.89.0.0/24',
    service: ranges.service ?? '10.96.0.0/12',
  };
  const parsed = Object.fromEntries(Object.entries(cidrs).map(([kind, cidr]) => [kind, parseCidr(cidr)])) as Record<AddressKind, Cidr>;
  const next: Record<AddressKind, number> = { pod: 0, node: 0, service: 0 };
  const first = ranges.firstOffset ?? 1;
  return {
    allocate(kind: AddressKind): string {
      const { base, size, text } = parsed[kind];
      const offset = first + next[kind]++;
      if (offset >= size - 1) {
        throw new Error(`the ${kind} address range ${text} has no address left for more objects; choose a larger range`);
      }
      return formatIPv4(base + offset);
    },
  };
}

/** Addresses on the loopback network only: pods 127.0.0.x (from .2), nodes 127.0.1.x, Services 127.0.2.x. */
export function loopbackAddressAllocator(): AddressAllocator {
  return cidrAddressAllocator({ pod: '127.0.0.0/24', node: '127.0.1.0/24', service: '127.0.2.0/24', firstOffset: 2 });
}

function formatIPv4(n: number): string {
  return [2 ** 24, 2 ** 16, 2 ** 8, 1].map((size) => Math.floor(n / size) % 256).join('.');
}

interface Cidr {
  readonly base: number;
  readonly size: number;
  readonly text: string;
}

function parseCidr(text: string): Cidr {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  const octets = m ? m.slice(1, 5).map(Number) : [];
  const bits = m ? Number(m[5]) : -1;
  if (!m || octets.some((o) => o > 255) || bits < 8 || bits > 30) {
    throw new Error(`invalid IPv4 range ${JSON.stringify(text)}: use a CIDR such as 10.244.0.0/16 (prefix length 8 to 30)`);
  }
  const size = 2 ** (32 - bits);
  const address = octets.reduce((n, o) => n * 256 + o, 0);
  return { base: address - (address % size), size, text };
}
