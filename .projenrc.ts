import { cdk8s, javascript, JsonFile } from 'projen';

/** CRDs whose typed classes the constructs use; the rest are vendored for installation and validation only. */
const IMPORTED_CRDS = [
  'servicemonitors',
  'podmonitors',
  'probes',
  'prometheusrules',
  'prometheuses',
  'alertmanagers',
  'alertmanagerconfigs',
];

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-prometheus',
  description: 'cdk8s constructs for prometheus-operator stacks, with synth-time rendering of the operator\'s prometheus.yaml and checks for the mistakes that silently lose targets.',
  author: 'cdk8s-prometheus developers',
  authorAddress: 'dev@cdk8s-prometheus.invalid',
  repositoryUrl: 'https://example.invalid/cdk8s-prometheus.git',
  keywords: ['cdk8s', 'prometheus', 'prometheus-operator', 'kubernetes', 'monitoring', 'servicemonitor'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  cdk8sVersion: '2.70.106',
  constructsVersion: '10.8.1',
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.3',
  minNodeVersion: '20.16.0',

  peerDeps: ['cdk8s-plus-28@^2.5.6'],
  // Plain npm libraries used at synth time; bundled because they are not jsii modules.
  // @lezer/lr and @lezer/highlight are peer dependencies of @prometheus-io/lezer-promql.
  bundledDeps: ['yaml@^2.8.1', '@prometheus-io/lezer-promql@^0.315.0', '@lezer/lr@^1.4.12', '@lezer/highlight@^1.2.5', 're2js@^1.2.0'],
  devDeps: [
    'cdk8s-cli@^2.207.60',
    'ajv@^8.17.1',
    '@types/jest@^29',
  ],
  bin: { 'cdk8s-prometheus': 'lib/cli/main.js' },

  // No hosted CI or release pipeline: .ci/run is the CI entry point.
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  // `dist/` is where `npm run demo` writes manifests; packages go elsewhere.
  artifactsDirectory: 'dist-package',

  docgen: true,
  jestOptions: {
    jestVersion: '^29',
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      coverageProvider: 'babel',
      coveragePathIgnorePatterns: ['/node_modules/', '/src/imports/'],
      testPathIgnorePatterns: ['/node_modules/', '/lib/', '/dist/'],
      modulePathIgnorePatterns: ['/lib/', '/dist/'],
      testTimeout: 60_000,
    },
  },
  tsconfig: {
    compilerOptions: { inlineSourceMap: false, inlineSources: false },
  },
  tsconfigDev: {
    // isolatedModules makes ts-jest transpile without type-checking; the test task type-checks once with tsc.
    compilerOptions: { inlineSourceMap: false, inlineSources: false, isolatedModules: true },
    include: ['../examples/**/*.ts', '../bench/**/*.ts', '../scripts/**/*.ts'],
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'scripts'],
    ignorePatterns: ['src/imports/**', '*.d.ts', 'node_modules/', 'lib/', 'dist/'],
  },
  gitignore: ['/dist/', '/.tools/', '/.bench/', '/dist-package/'],
});

// jest 30 and eslint-import-resolver-typescript 4 need unrs-resolver builds the registry lacks, which breaks `npm ci`.
project.deps.removeDependency('eslint-import-resolver-typescript');
project.addDevDeps('eslint-import-resolver-typescript@~3.6.3');

for (const pattern of ['/examples/', '/bench/', '/scripts/', '/.ci/', '/.tools/', '/test/']) {
  project.npmignore?.exclude(pattern);
}

// Node 20 is supported; silence jsii's end-of-life banner.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// The generated types are large; document only this library's own API.
project.tasks.tryFind('docgen')!.reset('jsii-docgen -o API.md -s root');

// eslint's project service looks for the nearest tsconfig.json: give examples/ and bench/ one each.
for (const dir of ['examples', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../test/tsconfig.json', include: ['**/*.ts'] },
  });
}

// Tests live in test/ only (src/ has modules such as render/http/spec.ts).
project.package.file.addOverride('jest.testMatch', ['<rootDir>/test/**/*.test.ts']);

const testTask = project.tasks.tryFind('test')!;
// Type-check the tests, examples and scripts (ts-jest only transpiles them).
testTask.prependExec('tsc --noEmit -p test/tsconfig.json');
// The tests run the real promtool, amtool and Prometheus; fetch them once into .tools/.
testTask.prependExec('bash scripts/fetch-prometheus-tools.sh >/dev/null');

const importTask = project.addTask('import', {
  description: 'Regenerate src/imports from the vendored prometheus-operator CRDs in imports/crds',
});
importTask.exec(`node scripts/import-crds.js ${IMPORTED_CRDS.join(' ')}`);
// The resolver applies the CRDs' schema defaults from a compact table generated from the same files.
importTask.exec('node scripts/generate-crd-defaults.js');

project.addTask('demo', {
  description: 'Synthesize the example stack into dist/ and print what was written, the rendered Prometheus config and the checks',
  exec: 'ts-node --transpile-only examples/demo.ts',
  // `npm run demo -- --mistake wrong-port-name` plants a mistake to show the checks.
  receiveArgs: true,
});

project.addTask('bench', {
  description: 'Measure synth and resolve time for generated apps of 100, 1,000 and 5,000 monitors',
  exec: 'ts-node --transpile-only bench/resolver-bench.ts',
});

project.synth();
