/**
 * The commands of the tool: every module in `commands/` that exports `command`. Adding a
 * command is adding a file there.
 */

import * as fs from 'fs';
import * as path from 'path';
import { Command } from './command';

const COMMANDS_DIR = path.join(__dirname, 'commands');

/** The commands, sorted by name. */
export function loadCommands(dir: string = COMMANDS_DIR): Command[] {
  const modules = new Set<string>();
  for (const file of fs.readdirSync(dir)) {
    if (file.endsWith('.d.ts') || !/\.(js|ts)$/.test(file)) continue;
    modules.add(path.join(dir, file.replace(/\.(js|ts)$/, '')));
  }
  const commands: Command[] = [];
  for (const mod of [...modules].sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { command } = require(mod) as { command?: Command };
    if (command) commands.push(command);
  }
  return commands.sort((a, b) => a.name.localeCompare(b.name));
}
