/**
 * Prometheus's model.Duration as Prometheus 2.53 reads and prints it: `1h30m`, `90d`, `0`.
 * Printing uses years and weeks only when they divide the duration exactly (`8d`, not `1w1d`).
 */
const PATTERN = /^(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?$/;
const SIZES = [365 * 86400000, 7 * 86400000, 86400000, 3600000, 60000, 1000, 1];
const UNITS = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

/** Milliseconds of a Prometheus duration, or undefined when the text is not one. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') {
    return 0;
  }
  const match = text === '' ? null : PATTERN.exec(text);
  if (!match) {
    return undefined;
  }
  return match.slice(1).reduce((sum, part, i) => sum + (part === undefined ? 0 : Number(part) * SIZES[i]), 0);
}

/** Prints milliseconds as Prometheus's model.Duration.String does. */
export function formatDuration(millis: number): string {
  if (millis === 0) {
    return '0s';
  }
  let rest = millis;
  let out = '';
  SIZES.forEach((size, i) => {
    const exactOnly = i < 2;
    if (exactOnly && rest % size !== 0) {
      return;
    }
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${UNITS[i]}`;
      rest -= n * size;
    }
  });
  return out;
}
