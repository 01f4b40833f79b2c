import { PassThrough } from 'node:stream';
import { main } from './main';

/** Runs the CLI in-process with captured output, as tests drive it. */
export async function runCli({ argv, env = {}, cwd = process.cwd(), stdin, tty = false }: {
  argv: readonly string[]; env?: NodeJS.ProcessEnv; cwd?: string; stdin?: string; tty?: boolean;
}): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: tty });
  const input = new PassThrough();
  if (stdin !== undefined) input.end(stdin);
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await main(argv, { stdout, stderr, stdin: input, env, cwd });
  return { code, out, err };
}
