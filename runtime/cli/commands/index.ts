import type { Command } from '../command';
import { dbMigrateCommand } from './db-migrate';
import { formulaCommand } from './formula';
import { serveCommand } from './serve';

/** Every CLI command, in the order `opspilot --help` lists them. */
export const COMMANDS: readonly Command[] = [serveCommand, dbMigrateCommand, formulaCommand];
