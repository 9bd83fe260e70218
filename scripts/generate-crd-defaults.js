#!/usr/bin/env node
// Generates src/resolver/defaults/crd-defaults.json from the vendored CRDs in imports/crds.
// Usage: node scripts/generate-crd-defaults.js [--check]
//
// The table keeps, for every served version of every monitoring.coreos.com CRD, only the
// branches of the openAPIV3Schema that lead to a `default:` value, so that the resolver can
// default objects as the API server does without parsing the 4 MB of CRDs at run time.
// Node shape: { d: default value, p: { property: node }, i: node of array items,
//               a: node of map values (additionalProperties), u: 1 when x-kubernetes-preserve-unknown-fields }
// With --check, exits 1 when the committed table differs from what the CRDs give.
'use strict';
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const root = path.resolve(__dirname, '..');
const crdDir = path.join(root, 'imports', 'crds');
const outFile = path.join(root, 'src', 'resolver', 'defaults', 'crd-defaults.json');

/** Returns the compact node for a schema, or undefined when nothing below it matters. */
function compact(schema) {
  if (!schema || typeof schema !== 'object') return undefined;
  const node = {};
  if (Object.prototype.hasOwnProperty.call(schema, 'default')) node.d = schema.default;
  if (schema['x-kubernetes-preserve-unknown-fields'] === true) node.u = 1;
  if (schema.properties) {
    const props = {};
    for (const name of Object.keys(schema.properties).sort()) {
      const child = compact(schema.properties[name]);
      if (child) props[name] = child;
    }
    if (Object.keys(props).length > 0) node.p = props;
  }
  const items = compact(schema.items);
  if (items) node.i = items;
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    const values = compact(schema.additionalProperties);
    if (values) node.a = values;
  }
  return Object.keys(node).length > 0 ? node : undefined;
}

function generate() {
  const table = {};
  const files = fs.readdirSync(crdDir).filter((f) => /^monitoring\.coreos\.com_.*\.ya?ml$/.test(f)).sort();
  for (const file of files) {
    for (const crd of YAML.parseAllDocuments(fs.readFileSync(path.join(crdDir, file), 'utf8')).map((d) => d.toJS())) {
      if (!crd || crd.kind !== 'CustomResourceDefinition') continue;
      for (const version of crd.spec.versions) {
        if (!version.served) continue;
        const key = `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`;
        table[key] = compact(version.schema && version.schema.openAPIV3Schema) || {};
      }
    }
  }
  const sorted = {};
  for (const key of Object.keys(table).sort()) sorted[key] = table[key];
  return JSON.stringify(sorted) + '\n';
}

const text = generate();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
  if (current !== text) {
    console.error(`${path.relative(root, outFile)} is out of date: run node scripts/generate-crd-defaults.js`);
    process.exit(1);
  }
  console.log(`${path.relative(root, outFile)} is up to date`);
} else {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
  console.log(`wrote ${path.relative(root, outFile)} (${text.length} bytes)`);
}
