import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from './run';
import { loadCommands } from '../../src/cli/registry';

describe('the tool', () => {
  test('without a command it prints its usage on stderr and exits 2', async () => {
    const r = await run([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: cdk8s-prometheus <command> \[options\]/);
  });

  test('--help lists the commands on stdout', async () => {
    const r = await run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\n {2}render {5}Print the prometheus.yaml/);
    expect(r.stdout).toMatch(/\n {2}selection {2}Show what each Prometheus selects/);
  });

  test('an unknown command is an error', async () => {
    const r = await run(['rendr']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cdk8s-prometheus: unknown command "rendr" \(commands: [a-z, ]*render, selection\b[a-z, ]*; see cdk8s-prometheus --help\)\n$/);
  });

  test('each command has its own --help', async () => {
    const r = await run(['render', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: cdk8s-prometheus render -f <path>\.\.\. /);
    expect(r.stdout).toContain('  -f, --filename <path>');
    expect(r.stdout).toContain('      --feature-gates <a,b>');
    expect(r.stdout).toContain('  -h, --help');
  });

  test('an unknown option is an error that points to the help', async () => {
    const r = await run(['render', '-f', 'x.yaml', '--verbose']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cdk8s-prometheus render: unknown option --verbose (see cdk8s-prometheus render --help)\n');
  });

  test('a positional argument is an error', async () => {
    const r = await run(['selection', 'stack.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('cdk8s-prometheus selection: unexpected argument "stack.yaml" (input files go after -f) (see cdk8s-prometheus selection --help)\n');
  });

  test('an option without its value is an error', async () => {
    const r = await run(['render', '-f']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cdk8s-prometheus render: option -f, --filename needs a value/);
  });
});

describe('the command registry', () => {
  test('finds a command by its file alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commands-'));
    fs.writeFileSync(path.join(dir, 'check.js'), "exports.command = { name: 'check', summary: 's', usage: 'check', options: {}, run: async () => 0 };");
    fs.writeFileSync(path.join(dir, 'check.d.ts'), 'export {};');
    fs.writeFileSync(path.join(dir, 'helper.js'), 'exports.notACommand = 1;');
    expect(loadCommands(dir).map((c) => c.name)).toEqual(['check']);
  });

  test('the built-in commands include render and selection', () => {
    expect(loadCommands().map((c) => c.name)).toEqual(expect.arrayContaining(['render', 'selection']));
  });
});
