import { EXIT, UsageError, type CommandIO } from './command';
import { COMMANDS, type CommandEntry } from './commands/index';

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  const lines = COMMANDS.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return [
    'opspilot: the OpsPilot runtime, headless',
    '',
    'Usage: opspilot <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `opspilot <command> --help` for a command\'s options.',
    'Exit codes: 0 success, 1 findings or breaks, 2 usage or input error.',
    '',
  ].join('\n');
}

/** The longest registered command path that prefixes argv. */
function resolve(argv: readonly string[]): { entry?: CommandEntry; rest: readonly string[] } {
  let best: CommandEntry | undefined;
  for (const c of COMMANDS) {
    if (c.path.every((w, i) => argv[i] === w) && (!best || c.path.length > best.path.length)) best = c;
  }
  return { entry: best, rest: best ? argv.slice(best.path.length) : argv };
}

export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(overview());
    return argv.length === 0 ? EXIT.USAGE : EXIT.OK;
  }
  const { entry, rest } = resolve(argv);
  if (!entry) {
    const group = COMMANDS.filter((c) => c.path[0] === argv[0]);
    const hint = group.length
      ? `Did you mean one of: ${group.map((c) => c.path.join(' ')).join(', ')}?`
      : 'Run `opspilot --help` for the list of commands.';
    io.stderr.write(`Unknown command \`${argv.join(' ')}\`. ${hint}\n`);
    return EXIT.USAGE;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return EXIT.OK;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${e.message}\n\n${command.help}\n`);
      return EXIT.USAGE;
    }
    throw e;
  }
}
