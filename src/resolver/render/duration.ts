/**
 * Prometheus durations (`1h30m`, `30s`, `500ms`) and base-2 byte sizes (`10MB`, `1GiB`) as the
 * operator parses them when it compares values.
 */

const DURATION_UNITS: Record<string, number> = {
  y: 365 * 24 * 3600 * 1000,
  w: 7 * 24 * 3600 * 1000,
  d: 24 * 3600 * 1000,
  h: 3600 * 1000,
  m: 60 * 1000,
  s: 1000,
  ms: 1,
};

const DURATION_RE = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/**
 * Parses a Prometheus duration into milliseconds. Returns undefined when the text is not a
 * duration in the Prometheus grammar (units y, w, d, h, m, s, ms, largest first).
 */
export function parsePrometheusDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const m = DURATION_RE.exec(text);
  if (!m || text === '') return undefined;
  const units = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
  let total = 0;
  units.forEach((u, i) => {
    if (m[i + 1] !== undefined) total += Number(m[i + 1]) * DURATION_UNITS[u];
  });
  return total;
}

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  'B': 1,
  'KB': 2 ** 10,
  'MB': 2 ** 20,
  'GB': 2 ** 30,
  'TB': 2 ** 40,
  'PB': 2 ** 50,
  'EB': 2 ** 60,
  'KiB': 2 ** 10,
  'MiB': 2 ** 20,
  'GiB': 2 ** 30,
  'TiB': 2 ** 40,
  'PiB': 2 ** 50,
  'EiB': 2 ** 60,
};

/**
 * Parses a byte size with base-2 units (`KB` and `KiB` both mean 1024 bytes), as the operator
 * does when comparing body size limits. Returns 0 when the text cannot be parsed (the
 * operator ignores the parse error the same way).
 */
export function parseBase2Bytes(text: string): number {
  let rest = text.trim();
  let total = 0;
  if (rest === '') return 0;
  while (rest.length > 0) {
    const m = /^(\d+(?:\.\d+)?)([A-Za-z]*)/.exec(rest);
    if (!m || !(m[2] in BYTE_UNITS)) return 0;
    total += Number(m[1]) * BYTE_UNITS[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}
