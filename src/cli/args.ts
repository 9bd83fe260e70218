/** Parsing a command's arguments with node's util.parseArgs; unknown options are errors. */

import { parseArgs } from 'util';
import { Command, OptionSpec, ParsedOptions, UsageError } from './command';

/** `--help`, which every command has. */
export const HELP_OPTION: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

/** Parses `argv` (the words after the command name) against the command's options. Throws a UsageError. */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedOptions {
  const specs = { ...command.options, ...HELP_OPTION };
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    config[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
  }
  try {
    return parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: false }).values as ParsedOptions;
  } catch (e) {
    throw new UsageError(describeParseError(e as Error & { code?: string }));
  }
}

function describeParseError(e: Error & { code?: string }): string {
  const quoted = /'([^']*)'/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${JSON.stringify(quoted ?? '')} (input files go after -f)`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message) ? `option ${quoted?.replace(/ <value>$/, '') ?? ''} needs a value` : e.message.split('\n')[0];
    default:
      return e.message.split('\n')[0];
  }
}
