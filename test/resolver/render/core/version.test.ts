import { compareVersions, formatVersion, parseVersion, VersionGate } from '../../../../src/resolver/render/version';

describe('parseVersion', () => {
  test('accepts a leading v and fills missing parts', () => {
    expect(parseVersion('v2.45')).toMatchObject({ major: 2, minor: 45, patch: 0, prerelease: [] });
    expect(parseVersion('3.13.2')).toMatchObject({ major: 3, minor: 13, patch: 2 });
  });

  test('reads pre-release identifiers and ignores build metadata', () => {
    expect(parseVersion('v3.0.0-rc.0+abc')).toMatchObject({ major: 3, prerelease: ['rc', '0'] });
  });

  test('rejects text that is not a version', () => {
    expect(() => parseVersion('latest')).toThrow('"latest" is not a semantic version');
    expect(() => parseVersion('v1.2.3.4')).toThrow('not a semantic version');
  });
});

describe('compareVersions', () => {
  test('orders by major, minor, patch', () => {
    expect(compareVersions('2.9.0', '2.10.0')).toBeLessThan(0);
    expect(compareVersions('3.0.0', '2.99.99')).toBeGreaterThan(0);
    expect(compareVersions('v2.45.0', '2.45.0')).toBe(0);
  });

  test('a pre-release ranks below its release and numeric identifiers compare as numbers', () => {
    expect(compareVersions('3.0.0-rc.0', '3.0.0')).toBeLessThan(0);
    expect(compareVersions('3.0.0-rc.2', '3.0.0-rc.10')).toBeLessThan(0);
    expect(compareVersions('3.0.0-beta', '3.0.0-alpha')).toBeGreaterThan(0);
  });

  test('formats back without the v', () => {
    expect(formatVersion(parseVersion('v3.0.0-rc.1'))).toBe('3.0.0-rc.1');
  });
});

describe('VersionGate', () => {
  test('writes a field when the version is inside the gate', () => {
    const warnings: string[] = [];
    const out: Record<string, unknown> = {};
    new VersionGate(parseVersion('2.40.0'), (m) => warnings.push(m)).minimum('2.26.0').maximum('3.0.0').set(out, 'k', 1);
    expect(out).toEqual({ k: 1 });
    expect(warnings).toEqual([]);
  });

  test('drops a field below the minimum with a warning', () => {
    const warnings: string[] = [];
    const out: Record<string, unknown> = {};
    new VersionGate(parseVersion('2.25.0'), (m) => warnings.push(m)).minimum('2.26.0').set(out, 'follow_redirects', true);
    expect(out).toEqual({});
    expect(warnings).toEqual(['ignoring "follow_redirects" not supported by Prometheus 2.25.0 (requires Prometheus >= 2.26.0)']);
  });

  test('the maximum is exclusive', () => {
    const out: Record<string, unknown> = {};
    const gate = new VersionGate(parseVersion('2.11.0'), () => undefined).maximum('2.11.0');
    gate.set(out, 'max_retries', 3);
    expect(gate.compatible).toBe(false);
    expect(out).toEqual({});
  });
});
