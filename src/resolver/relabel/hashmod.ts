import { createHash } from 'crypto';

/**
 * The hashmod action's value: the MD5 of the UTF-8 bytes of `value`, its last 8 bytes read as a
 * big-endian unsigned 64-bit integer, modulo `modulus`, in decimal.
 */
export function hashMod(value: string, modulus: bigint): string {
  const digest = createHash('md5').update(value, 'utf8').digest();
  return (digest.readBigUInt64BE(8) % modulus).toString(10);
}
