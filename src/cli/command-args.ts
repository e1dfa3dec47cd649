// Option parsing for the subcommands: one place that turns parseArgs's error into the command's usage message.
import { parseArgs } from 'node:util';
import type { Io } from './main.js';

export type ParsedArgs = ReturnType<typeof parseArgs>;

/**
 * parseArgs for one command; an unknown or malformed option prints "`command`: reason" and the help, and gives undefined
 * (the caller exits with the invalid-input code).
 */
export function parseCommandArgs(
  command: string,
  help: string,
  io: Io,
  config: Parameters<typeof parseArgs>[0],
): ParsedArgs | undefined {
  try {
    return parseArgs(config);
  } catch (error) {
    io.stderr(`${command}: ${(error as Error).message}\n${help}`);
    return undefined;
  }
}
