/**
 * The shape of a command of the `cdk8s-prometheus` tool. Each command is one file under
 * `commands/` exporting `command`; the registry finds them there.
 */

import { CliIo } from './io';

/** One option of a command, as node's util.parseArgs takes it, plus its help. */
export interface OptionSpec {
  /** `string` options take a value, `boolean` options are flags. */
  readonly type: 'string' | 'boolean';
  /** One-letter alias (`-f`). */
  readonly short?: string;
  /** The option may be given several times. */
  readonly multiple?: boolean;
  /** Placeholder for the value in help (`<path>`). */
  readonly value?: string;
  /** What the option does. */
  readonly description: string;
}

/** The parsed options of a command line. */
export type ParsedOptions = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** A command of the tool. */
export interface Command {
  /** The word that selects it (`render`). */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The synopsis after the tool's name (`render -f <path>... [options]`). */
  readonly usage: string;
  /** Further help text shown after the options. */
  readonly details?: string;
  /** Its options, by long name. `--help` is added to every command. */
  readonly options: Readonly<Record<string, OptionSpec>>;
  /**
   * Runs the command. Returns the exit status. Throws a UsageError for a bad command line and
   * an InputError for bad input; it writes nothing before it has its whole output.
   */
  run(options: ParsedOptions, io: CliIo): Promise<number>;
}

/** A bad command line; the message says what is wrong and the tool adds where to find help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
