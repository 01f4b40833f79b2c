#!/usr/bin/env node
// The CLI is TypeScript run through tsx (a runtime dependency), so a fresh clone needs no build
// step before `npx opspilot`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../runtime/cli/main.ts');
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
