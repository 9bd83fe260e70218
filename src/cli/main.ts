#!/usr/bin/env node
/**
 * The `cdk8s-prometheus` command-line tool: reads Kubernetes manifests (files, folders, stdin)
 * and shows what prometheus-operator makes of them. `main` runs in-process for tests.
 */

import { parseCommandArgs } from './args';
import { UsageError } from './command';
import { commandHelp, TOOL, toolHelp } from './help';
import { CliIo, processIo } from './io';
import { loadCommands } from './registry';
import { InputError } from '../resolver/input';

/** Exit status: success. */
export const EXIT_OK = 0;
/** Exit status: an unexpected failure of the tool itself. */
export const EXIT_INTERNAL = 1;
/** Exit status: a bad command line or bad input. */
export const EXIT_USAGE = 2;

/** Runs the tool with `argv` (the words after the tool's name) and returns the exit status. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const commands = loadCommands();
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(toolHelp(commands));
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(toolHelp(commands));
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`${TOOL}: unknown command ${JSON.stringify(name)} (commands: ${commands.map((c) => c.name).join(', ')}; see ${TOOL} --help)\n`);
    return EXIT_USAGE;
  }
  try {
    const options = parseCommandArgs(command, rest);
    if (options.help) {
      io.stdout(commandHelp(command));
      return EXIT_OK;
    }
    return await command.run(options, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${TOOL} ${name}: ${oneLine(e.message)} (see ${TOOL} ${name} --help)\n`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      io.stderr(`error: ${oneLine(e.message)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`${TOOL}: internal error: ${oneLine((e as Error)?.message ?? String(e))}\n`);
    return EXIT_INTERNAL;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
