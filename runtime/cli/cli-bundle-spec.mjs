// How the CLI is bundled: read by bin/opspilot.js, which checks the bundle before anything can
// load TypeScript, and by cli-bundle.ts, which builds it. Plain JavaScript for the first.

/** @type {{ readonly name: 'cli', readonly entry: string, readonly format: 'esm', readonly packages: 'external' }} */
export const CLI_BUNDLE = { name: 'cli', entry: 'runtime/cli/main.ts', format: 'esm', packages: 'external' };
