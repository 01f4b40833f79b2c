import type { Command } from '../command';
import { auditVerifyCommand } from './audit-verify';
import { dbMigrateCommand } from './db-migrate';
import { formulaCommand } from './formula';
import { ingestCommand } from './ingest';
import { reconCommand } from './recon';
import { runCommand } from './run';
import { scriptCommand } from './script';
import { serveCommand } from './serve';
import { userAddCommand } from './user-add';

/** Every CLI command, in the order `opspilot --help` lists them. */
export const COMMANDS: readonly Command[] = [serveCommand, dbMigrateCommand, formulaCommand, scriptCommand, ingestCommand, runCommand, reconCommand, userAddCommand, auditVerifyCommand];
