/**
 * Semantic versions as the operator reads them (blang/semver ParseTolerant) and the
 * minimum/maximum version gates the operator puts on configuration fields.
 */

/** A parsed semantic version. */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Pre-release identifiers (`-rc.0` gives `['rc', '0']`). */
  readonly prerelease: string[];
  /** The text the version was parsed from. */
  readonly text: string;
}

/**
 * Parses a version tolerantly: a leading `v` and surrounding spaces are dropped, missing
 * minor/patch parts count as 0 (`v2.45` is 2.45.0), build metadata is ignored.
 * Throws an Error naming the text when it is not a version.
 */
export function parseVersion(text: string): SemVer {
  let s = text.trim();
  if (s.startsWith('v') || s.startsWith('V')) s = s.slice(1);
  const plus = s.indexOf('+');
  if (plus >= 0) s = s.slice(0, plus);
  let pre: string[] = [];
  const dash = s.indexOf('-');
  if (dash >= 0) {
    pre = s.slice(dash + 1).split('.');
    s = s.slice(0, dash);
  }
  const parts = s.split('.');
  if (parts.length < 1 || parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) {
    throw new Error(`"${text}" is not a semantic version (expected e.g. v3.5.0)`);
  }
  while (parts.length < 3) parts.push('0');
  return {
    major: Number(parts[0]),
    minor: Number(parts[1]),
    patch: Number(parts[2]),
    prerelease: pre,
    text,
  };
}

/** Compares two versions by semver precedence: negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: SemVer | string, b: SemVer | string): number {
  const x = typeof a === 'string' ? parseVersion(a) : a;
  const y = typeof b === 'string' ? parseVersion(b) : b;
  if (x.major !== y.major) return x.major - y.major;
  if (x.minor !== y.minor) return x.minor - y.minor;
  if (x.patch !== y.patch) return x.patch - y.patch;
  // A version without pre-release identifiers ranks above one with them.
  if (x.prerelease.length === 0 || y.prerelease.length === 0) {
    return y.prerelease.length - x.prerelease.length;
  }
  for (let i = 0; i < Math.min(x.prerelease.length, y.prerelease.length); i++) {
    const p = x.prerelease[i];
    const q = y.prerelease[i];
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) {
      if (Number(p) !== Number(q)) return Number(p) - Number(q);
    } else if (pn !== qn) {
      return pn ? -1 : 1;
    } else if (p !== q) {
      return p < q ? -1 : 1;
    }
  }
  return x.prerelease.length - y.prerelease.length;
}

/** True when `v` is at least `min`. */
export function versionAtLeast(v: SemVer, min: string): boolean {
  return compareVersions(v, min) >= 0;
}

/** True when `v` is strictly lower than `bound`. */
export function versionBelow(v: SemVer, bound: string): boolean {
  return compareVersions(v, bound) < 0;
}

/**
 * True when the Prometheus version validates label and metric names under the UTF-8 scheme
 * (from 3.0), false under the legacy scheme (the operator's ValidationSchemeForPrometheus).
 */
export function usesUtf8Names(v: SemVer): boolean {
  return versionAtLeast(v, '3.0.0');
}

/** Formats a version as `major.minor.patch[-pre]`. */
export function formatVersion(v: SemVer): string {
  const core = `${v.major}.${v.minor}.${v.patch}`;
  return v.prerelease.length > 0 ? `${core}-${v.prerelease.join('.')}` : core;
}

/**
 * A version gate: the operator's WithMinimumVersion/WithMaximumVersion. When the running
 * Prometheus version falls outside the gate, fields written through it are dropped with a
 * warning instead of being written.
 */
export class VersionGate {
  /**
   * @param version the Prometheus version being rendered for
   * @param warn receives one message per dropped field
   * @param compatible false once any bound excludes the version
   * @param reason the bound that excluded the version, for messages
   */
  constructor(
    readonly version: SemVer,
    private readonly warn: (message: string) => void,
    readonly compatible: boolean = true,
    private readonly reason: string = '',
  ) {}

  /** A gate that also requires the version to be at least `min`. */
  minimum(min: string): VersionGate {
    if (!this.compatible || versionAtLeast(this.version, min)) return this;
    return new VersionGate(this.version, this.warn, false, `requires Prometheus >= ${min}`);
  }

  /** A gate that also requires the version to be strictly below `max`. */
  maximum(max: string): VersionGate {
    if (!this.compatible || versionBelow(this.version, max)) return this;
    return new VersionGate(this.version, this.warn, false, `requires Prometheus < ${max}`);
  }

  /** Sets `target[key] = value` when compatible; otherwise warns that the field is ignored. */
  set(target: Record<string, unknown>, key: string, value: unknown): void {
    if (this.compatible) {
      target[key] = value;
      return;
    }
    this.ignored(key);
  }

  /** Records that `field` is ignored because the version is outside the gate. */
  ignored(field: string): void {
    this.warn(`ignoring "${field}" not supported by Prometheus ${formatVersion(this.version)} (${this.reason})`);
  }
}
