import type { Command } from '../command';

/** Every CLI command, in the order `opspilot --help` lists them. */
export const COMMANDS: readonly Command[] = [];
