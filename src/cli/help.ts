/** Help texts: the tool's command list and each command's usage and options. */

import { HELP_OPTION } from './args';
import { Command, OptionSpec } from './command';
import { OPERATOR_VERSION } from '../resolver/defaults/operator-defaults';

/** The tool's name as users type it. */
export const TOOL = 'cdk8s-prometheus';

/** Help of one command. */
export function commandHelp(command: Command): string {
  const rows = Object.entries({ ...command.options, ...HELP_OPTION }).map(([name, spec]) => [optionLabel(name, spec), spec.description]);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    `Usage: ${TOOL} ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...rows.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`),
  ];
  if (command.details) lines.push('', command.details.trim());
  return `${lines.join('\n')}\n`;
}

/** The tool's usage: its commands. */
export function toolHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Usage: ${TOOL} <command> [options]`,
    '',
    `Reads Kubernetes manifests and shows what prometheus-operator v${OPERATOR_VERSION} makes of them.`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run ${TOOL} <command> --help for a command's options.`,
    'Exit status: 0 done, 1 check found errors (or an internal error), 2 bad command line or input.',
  ].join('\n') + '\n';
}

function optionLabel(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : '    ';
  return `${short}--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`;
}
