/**
 * Prometheus durations (`1h30m`, `30s`, `500ms`) and base-2 byte sizes (`10MB`, `1GiB`) as the
 * operator parses them when it compares values.
 */

/** The duration units, largest first, with their size in milliseconds. */
const DURATION_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['y', 365 * 24 * 3600 * 1000],
  ['w', 7 * 24 * 3600 * 1000],
  ['d', 24 * 3600 * 1000],
  ['h', 3600 * 1000],
  ['m', 60 * 1000],
  ['s', 1000],
  ['ms', 1],
];

const DURATION_RE = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/**
 * Parses a Prometheus duration (model.ParseDuration) into milliseconds. Returns undefined when the
 * text is not a duration in the Prometheus grammar (`0`, or units y, w, d, h, m, s, ms, largest first).
 */
export function parsePrometheusDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const m = text === '' ? null : DURATION_RE.exec(text);
  if (!m) return undefined;
  return DURATION_UNITS.reduce((total, [, size], i) => total + (m[i + 1] === undefined ? 0 : Number(m[i + 1]) * size), 0);
}

/**
 * Prints milliseconds as Prometheus's model.Duration.String does (`90000` is `1m30s`): years and
 * weeks only when they divide the rest exactly (`8d`, not `1w1d`), `0s` for zero.
 */
export function formatPrometheusDuration(millis: number): string {
  if (millis === 0) return '0s';
  let rest = millis;
  let out = '';
  DURATION_UNITS.forEach(([unit, size], i) => {
    const exactOnly = i < 2;
    if (exactOnly && rest % size !== 0) return;
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  });
  return out;
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
