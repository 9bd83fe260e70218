import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { RE2 } from '../../src/common/re2';

/**
 * CRD schema validation of monitoring.coreos.com objects with the CRDs' `pattern`s evaluated as
 * RE2 (Go) expressions. The PrometheusRule and AlertmanagerConfig CRDs use inline flags such as
 * `(?i)` that JavaScript's RegExp rejects, so the shared `expectValidAgainstCrds` cannot compile
 * them; this helper validates every kind, those two included.
 */

const CRD_DIR = path.join(__dirname, '..', '..', 'imports', 'crds');
const patterns = new Map<string, { test: (s: string) => boolean; toString: () => string }>();
const ajv = new Ajv({
  strict: false,
  allErrors: true,
  validateFormats: false,
  code: {
    regExp: ((pattern: string) => {
      if (!patterns.has(pattern)) {
        const re = RE2.compile(pattern);
        // Ajv caches compiled patterns by toString(), so each must render its own source.
        patterns.set(pattern, { test: (s: string) => re.matcher(s).find(), toString: () => `re2:${pattern}` });
      }
      return patterns.get(pattern)!;
    }) as any,
  },
});
const validators = new Map<string, ValidateFunction>();

function validatorFor(apiVersion: string, kind: string): ValidateFunction {
  const key = `${apiVersion}/${kind}`;
  if (!validators.has(key)) {
    const version = apiVersion.split('/')[1];
    const file = fs.readdirSync(CRD_DIR).filter((f) => f.endsWith('.yaml'))
      .map((f) => parseAllDocuments(fs.readFileSync(path.join(CRD_DIR, f), 'utf8'))[0].toJS())
      .find((crd) => crd.spec.names.kind === kind);
    const served = file?.spec.versions.find((v: any) => v.name === version);
    if (!served) {
      throw new Error(`no vendored CRD for ${key}`);
    }
    validators.set(key, ajv.compile(served.schema.openAPIV3Schema));
  }
  return validators.get(key)!;
}

/** Schema errors of one object, as readable strings; empty when valid. */
export function re2CrdSchemaErrors(obj: any): string[] {
  const validate = validatorFor(obj.apiVersion, obj.kind);
  return validate(obj) ? [] : (validate.errors ?? []).map(
    (e) => `${obj.kind} ${obj.metadata?.namespace ?? ''}/${obj.metadata?.name}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** Asserts that every monitoring.coreos.com object is valid against its CRD; returns how many were checked. */
export function expectValidAgainstCrds(objects: any[]): number {
  const monitoring = objects.filter((o) => typeof o?.apiVersion === 'string' && o.apiVersion.startsWith('monitoring.coreos.com/'));
  expect(monitoring.flatMap(re2CrdSchemaErrors)).toEqual([]);
  return monitoring.length;
}
