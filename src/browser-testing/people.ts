/** Accounts for browser tests: added headless through the CLI, as an operator would, then signed in. */
import { PassThrough } from 'node:stream';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { main } from '$runtime/cli/main';
import { hydrated, open } from './chromium';

export interface Person { readonly email: string; readonly password: string; readonly role: 'viewer' | 'analyst' | 'approver' | 'admin' }

/** `opspilot user add` on the embedded database in `dataDir`, the password on stdin. */
export async function addUser(dataDir: string, person: Person): Promise<void> {
  const stdin = new PassThrough();
  stdin.end(`${person.password}\n`);
  const code = await main(['user', 'add', '--email', person.email, '--role', person.role, '--password-stdin'], {
    stdout: new PassThrough(), stderr: process.stderr, stdin, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, cwd: process.cwd(),
  });
  expect(code, `adding ${person.email}`).toBe(0);
}

/** Signs in on the login page and waits for the templates list, ready for input. */
export async function signIn(page: Page, serverUrl: string, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  await open(page, `${serverUrl}/login`);
  await page.locator('input[name=email]').fill(person.email);
  await page.locator('input[name=password]').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${serverUrl}/templates`);
  await hydrated(page);
}
