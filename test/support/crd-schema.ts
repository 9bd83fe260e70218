import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { RE2 } from '../../src/common/re2';

/**
 * Validates monitoring.coreos.com objects against the openAPIV3Schema of the vendored CRDs. The
 * CRDs' `pattern`s are Go (RE2) expressions, some with inline flags such as `(?i)` that
 * JavaScript's RegExp rejects, so patterns are evaluated with RE2, as the API server does.
 */

const CRD_DIR = path.join(__dirname, '..', '..', 'imports', 'crds');
const validators = new Map<string, ValidateFunction>();
const patterns = new Map<string, { test: (s: string) => boolean; toString: () => string }>();

function re2Pattern(pattern: string): { test: (s: string) => boolean; toString: () => string } {
  if (!patterns.has(pattern)) {
    const re = RE2.compile(pattern);
    // Ajv caches compiled patterns by toString(), so each must render its own source.
    patterns.set(pattern, { test: (s: string) => re.matcher(s).find(), toString: () => `re2:${pattern}` });
  }
  return patterns.get(pattern)!;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: re2Pattern as any } });

function validatorFor(apiVersion: string, kind: string): ValidateFunction | undefined {
  const key = `${apiVersion}/${kind}`;
  if (validators.has(key)) {
    return validators.get(key);
  }
  const [group, version] = apiVersion.split('/');
  if (group !== 'monitoring.coreos.com') {
    return undefined;
  }
  for (const file of fs.readdirSync(CRD_DIR).filter((f) => f.endsWith('.yaml'))) {
    const crd = parseAllDocuments(fs.readFileSync(path.join(CRD_DIR, file), 'utf8'))[0].toJS();
    if (crd.spec.names.kind !== kind) {
      continue;
    }
    const served = crd.spec.versions.find((v: any) => v.name === version);
    if (!served) {
      throw new Error(`CRD ${crd.metadata.name} has no version ${version}`);
    }
    const validate = ajv.compile(served.schema.openAPIV3Schema);
    validators.set(key, validate);
    return validate;
  }
  throw new Error(`no vendored CRD for ${key}`);
}

/** Errors of one object against its CRD schema, as readable strings; empty when valid or not a CRD kind. */
export function crdSchemaErrors(obj: any): string[] {
  const validate = validatorFor(obj.apiVersion, obj.kind);
  if (!validate || validate(obj)) {
    return [];
  }
  return (validate.errors ?? []).map((e) => `${obj.kind} ${obj.metadata?.namespace ?? ''}/${obj.metadata?.name}: ${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
}

/**
 * Asserts that every monitoring.coreos.com object in `objects` is valid against its CRD and
 * returns how many were checked (so tests can also assert that something was checked).
 */
export function expectValidAgainstCrds(objects: any[]): number {
  const monitoring = objects.filter((o) => typeof o?.apiVersion === 'string' && o.apiVersion.startsWith('monitoring.coreos.com/'));
  const errors = monitoring.flatMap(crdSchemaErrors);
  expect(errors).toEqual([]);
  return monitoring.length;
}
