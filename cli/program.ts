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
    .option('--no-secrets', 'do not require keys to resolve (env vars, key files)')
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

  program
    .command('up')
    .description('build the stack on the local network-namespace lab, start its runtime and wait until it is healthy')
    .argument('<stack>', 'stack file')
    .action(async (stack) => {
      const { upCommand } = await import('./commands/lab.js');
      process.exitCode = await upCommand(stack);
    });

  program
    .command('down')
    .description('remove the stack\'s lab: every namespace, bridge, process and file it made (safe to repeat)')
    .argument('<stack>', 'stack file')
    .action(async (stack) => {
      const { downCommand } = await import('./commands/lab.js');
      process.exitCode = await downCommand(stack);
    });

  program
    .command('lab')
    .description('lab helpers')
    .command('exec')
    .description('run a command inside a lab node (its network, hostname and files)')
    .argument('<stack>', 'stack file')
    .argument('<node>', 'node name')
    .argument('<command...>', 'command and arguments (after --)')
    .action(async (stack, node, argv) => {
      const { labExecCommand } = await import('./commands/lab.js');
      process.exitCode = await labExecCommand(stack, node, argv);
    });

  program
    .command('chaos')
    .description('inject a fault on the lab: kill-node|restart-node NODE, cut-link|heal-link NODE NIC, kill-service NODE PORT, partition A,B C, heal')
    .argument('<stack>', 'stack file')
    .argument('<action>', 'kill-node | restart-node | cut-link | heal-link | kill-service | partition | heal')
    .argument('[node]', 'node (or first partition group)', '')
    .argument('[extra...]', 'NIC, port or further partition groups')
    .action(async (stack, action, node, extra) => {
      const { chaosCommand } = await import('./commands/lab.js');
      process.exitCode = await chaosCommand(stack, action, node, extra);
    });

  program
    .command('test')
    .description('measurements on a running lab')
    .command('failover')
    .description('inject a fault on the node holding the VIP and print how long until the VIP answers from another node')
    .argument('<stack>', 'stack file')
    .addOption(new Option('--fault <fault>', 'what to break').choices(['kill', 'link', 'service'] as const).default('kill' as const))
    .option('--service <name>', 'group or VRRP instance (default: the first with a VIP)')
    .option('--timeout <seconds>', 'give up after', '60')
    .action(async (stack, options) => {
      const { testFailoverCommand } = await import('./commands/lab.js');
      process.exitCode = await testFailoverCommand(stack, options);
    });

  return program as unknown as Command;
}
