import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { RE2 } from '../../src/common/re2';
import { expectValidAgainstCrds } from '../support/crd-schema';

/**
 * CRD schema validation for every monitoring object, AlertmanagerConfig included. The
 * AlertmanagerConfig CRD has Go regex patterns with inline flags (`(?i)`) that JavaScript's
 * RegExp rejects, so its schema is compiled here with RE2 patterns; every other kind goes
 * through the shared `expectValidAgainstCrds`.
 */

const CRD_FILE = path.join(__dirname, '..', '..', 'imports', 'crds', 'monitoring.coreos.com_alertmanagerconfigs.yaml');
const ajv = new Ajv({
  strict: false,
  allErrors: true,
  validateFormats: false,
  code: { regExp: (pattern: string) => ({ test: (s: string) => RE2.compile(pattern).matcher(s).find() }) as unknown as RegExp },
});
const crd = parseAllDocuments(fs.readFileSync(CRD_FILE, 'utf8'))[0].toJS();
const validateAlertmanagerConfig = ajv.compile(crd.spec.versions.find((v: any) => v.name === 'v1alpha1').schema.openAPIV3Schema);

/** Asserts every monitoring.coreos.com object is valid against its CRD; returns how many were checked. */
export function expectAllValidAgainstCrds(objects: any[]): number {
  const configs = objects.filter((o) => o?.apiVersion === 'monitoring.coreos.com/v1alpha1' && o.kind === 'AlertmanagerConfig');
  const others = objects.filter((o) => !configs.includes(o));
  const checked = expectValidAgainstCrds(others);
  const errors = configs.flatMap((o) => (validateAlertmanagerConfig(o) ? [] : (validateAlertmanagerConfig.errors ?? []).map(
    (e) => `AlertmanagerConfig ${o.metadata?.namespace}/${o.metadata?.name}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)));
  expect(errors).toEqual([]);
  return checked + configs.length;
}
