import { Command, Option } from '@commander-js/extra-typings';
import { readFileSync } from 'node:fs';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Flags and help only; every action imports its command module on demand so `hactl --help` stays fast. */
export function buildProgram(): Command {
  const program = new Command('hactl')
    .description('Typed Linux HA clusters: validate, render, check, push and run them')
    .version(version(), '-V, --version')
    .option('--debug', 'show stack traces for internal errors')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('validate')
    .description('check stacks against the schema and the semantic rules (exit 1 on errors)')
    .argument('<stacks...>', 'stack files (.yaml or .ts)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const))
    .action(async (stacks, options) => {
      const { validateCommand } = await import('./commands/validate.js');
      process.exitCode = await validateCommand(stacks, options);
    });

  program
    .command('render')
    .description('render every config file of a stack into DIR/<node>/<path> plus manifest.json')
    .argument('<stack>', 'stack file')
    .requiredOption('-o, --out <dir>', 'output directory (replaced atomically)')
    .option('--check', 'run the real tools on the rendered files')
    .action(async (stack, options) => {
      const { renderCommand } = await import('./commands/render.js');
      process.exitCode = await renderCommand(stack, options);
    });

  program
    .command('check')
    .description('render stacks in memory and run the real tools (keepalived -t, crm_verify, ...) on every file')
    .argument('<stacks...>', 'stack files')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const))
    .action(async (stacks, options) => {
      const { checkCommand } = await import('./commands/check.js');
      process.exitCode = await checkCommand(stacks, options);
    });

  return program as unknown as Command;
}
