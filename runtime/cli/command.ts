/**
 * One CLI command. Commands are registered in commands/index.ts; main.ts parses nothing
 * itself beyond the command path, so each command owns its options and its --help.
 *
 * Exit codes (DESIGN.md §8): 0 success/clean, 1 findings or breaks, 2 usage or input error.
 */
export const EXIT = Object.freeze({ OK: 0, FINDINGS: 1, USAGE: 2 });

export interface CommandIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface Command {
  /** Words that select the command, e.g. ['db', 'migrate']. */
  readonly path: readonly string[];
  /** Full help text printed by `--help`: usage line, options, examples. */
  readonly help: string;
  run(args: readonly string[], io: CommandIO): Promise<number>;
}

/** Raised for bad usage; main prints the message and the command's help, exit 2. */
export class UsageError extends Error {}
