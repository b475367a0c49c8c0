import { Command, Option } from '@commander-js/extra-typings';
import { readFileSync } from 'node:fs';
import { providerNames } from '../src/provider/names.js';

/**
 * Where status and the operation verbs act: a stack's running cluster (--stack, with --provider or found where it
 * runs; --lab STACK for its lab), or, without a stack, this node (its agent's socket, or the cluster hactl rendered here).
 */
function withTarget<T>(command: T): T {
  (command as unknown as Command)
    .option('--stack <file>', "the stack whose running cluster to act on (on its lab, VMs or servers)")
    .option('--lab <stack>', "the stack's cluster on the lab (same as --stack STACK --provider lab)")
    .addOption(new Option('--provider <provider>', 'where the stack runs (default: where it is found)').choices(providerNames))
    .option('--node <name>', 'this node (default: hostname)')
    .option('--socket <path>', "this node's agent control socket")
    .option('--config <file>', "this node's agent config (to find its socket)")
    .option('--ha-dir <dir>', 'heartbeat v1 directory the agent runs from');
  return command;
}

// The single-file bundle installed on nodes has no package.json next to it: the build writes the version in.
declare const __HACTL_VERSION__: string | undefined;

function version(): string {
  if (typeof __HACTL_VERSION__ === 'string') return __HACTL_VERSION__;
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
    .command('init')
    .description('write a starter stack (cluster.yaml, or cluster.ts with --ts) that validates and comes up on the lab as it is')
    .argument('[dir]', 'directory to write it into', '.')
    .option('--ts', 'a TypeScript stack (cluster.ts)')
    .option('--yaml', 'a YAML stack (cluster.yaml, the default)')
    .addOption(new Option('--runtime <runtime>', 'what runs the cluster').choices(['agent', 'keepalived', 'heartbeat', 'pacemaker'] as const).default('agent' as const))
    .option('--name <name>', "cluster name (default: the directory's name)")
    .action(async (dir, options) => {
      const { initCommand } = await import('./commands/init.js');
      process.exitCode = await initCommand(dir, options);
    });

  program
    .command('render')
    .description('render every config file of a stack into DIR/<node>/<path> plus manifest.json')
    .argument('<stack>', 'stack file')
    .requiredOption('-o, --out <dir>', 'output directory (replaced atomically)')
    .option('--check', 'run the real tools on the rendered files')
    .addOption(new Option('--platform <platform>', "render for this platform: the stack is translated first (paths, packages, runtimes it no longer ships), each change printed and recorded in manifest.json").choices(['centos6', 'debian12'] as const))
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
    .command('plan')
    .description('read the live files over SSH and show per node and file what apply would change (secrets redacted)')
    .argument('<stack>', 'stack file')
    .option('--json', 'machine-readable plan')
    .option('--expect-no-changes', 'exit 1 on any drift (a CI gate)')
    .option('--accept-new-host-keys', 'trust and record host keys not yet in known_hosts (changed keys are always refused)')
    .option('--local <dir>', 'plan against DIR/<node>/ instead of SSH')
    .action(async (stack, options) => {
      const { planCommand } = await import('./commands/push.js');
      process.exitCode = await planCommand(stack, options);
    });

  program
    .command('apply')
    .description('push the rendered files atomically (temp file, fsync, rename, dated backup), check, then reload what changed')
    .argument('<stack>', 'stack file')
    .option('--concurrency <n>', 'nodes at once', '10')
    .option('--install-packages', "install the platform's packages first (yum / apt, idempotent), and for the agent runtime hactl's agent bundle")
    .option('--json', 'print the report as JSON')
    .option('--accept-new-host-keys', 'trust and record host keys not yet in known_hosts (changed keys are always refused)')
    .option('--local <dir>', 'apply into DIR/<node>/ instead of SSH')
    .action(async (stack, options) => {
      const { applyCommand } = await import('./commands/push.js');
      process.exitCode = await applyCommand(stack, options);
    });

  const providerOption = (description: string) => new Option('--provider <provider>', description).choices(providerNames);

  program
    .command('up')
    .description('bring the stack up and wait until it is steady: on the local network-namespace lab (default), Vagrant VMs, or real servers over SSH')
    .argument('<stack>', 'stack file')
    .addOption(providerOption('where the nodes run').default('lab' as const))
    .addOption(new Option('--vagrant-provider <name>', 'Vagrant provider').choices(['libvirt', 'virtualbox'] as const))
    .option('--box <name>', 'Vagrant box (default: per platform)')
    .option('--drbd-overwrite', "let DRBD's first set-up create metadata and a filesystem on disks that already hold data")
    .action(async (stack, options) => {
      const { upCommand } = await import('./commands/up.js');
      process.exitCode = await upCommand(stack, options);
    });

  program
    .command('down')
    .description('remove what up made: every namespace, bridge and process of the lab, or the Vagrant machines; on servers, stop the runtime (safe to repeat)')
    .argument('<stack>', 'stack file')
    .addOption(providerOption('where the nodes run (default: where the stack runs)'))
    .action(async (stack, options) => {
      const { downCommand } = await import('./commands/down.js');
      process.exitCode = await downCommand(stack, options);
    });

  const lab = program
    .command('lab')
    .description('lab helpers: run a command in a node, list and remove labs (also ones left by a crash)');
  lab
    .command('ls')
    .description("every lab on this machine: state file, creation time, nodes, live processes, namespaces (orphans too)")
    .option('--json', 'machine-readable')
    .action(async (options) => {
      const { labLsCommand } = await import('./commands/lab.js');
      process.exitCode = await labLsCommand(options);
    });
  lab
    .command('rm')
    .description("remove labs by name, or --all, as down does: by their state file and reserved namespace prefix (safe to repeat)")
    .argument('[names...]', 'lab names (see hactl lab ls)')
    .option('--all', 'every lab on this machine')
    .action(async (names, options) => {
      const { labRmCommand } = await import('./commands/lab.js');
      process.exitCode = await labRmCommand(names, options);
    });
  lab
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
    .description('inject a fault: kill-node|restart-node NODE, cut-link|heal-link NODE NIC, kill-service NODE PORT, partition-udp|heal-udp NODE; on the lab also partition A,B C and heal')
    .argument('<stack>', 'stack file')
    .argument('<action>', 'kill-node | restart-node | cut-link | heal-link | kill-service | partition-udp | heal-udp | partition | heal')
    .argument('[node]', 'node (or first partition group)', '')
    .argument('[extra...]', 'NIC, port or further partition groups')
    .addOption(providerOption('where the nodes run (default: where the stack runs)'))
    .action(async (stack, action, node, extra, options) => {
      const { chaosCommand } = await import('./commands/chaos.js');
      process.exitCode = await chaosCommand(stack, action, node, extra, options);
    });

  program
    .command('test')
    .description('measurements on a running cluster')
    .command('failover')
    .description('inject a fault on the node holding the VIP and print how long until the VIP answers from another node')
    .argument('<stack>', 'stack file')
    .addOption(new Option('--fault <fault>', 'what to break').choices(['kill', 'link', 'service', 'partition-udp'] as const).default('kill' as const))
    .option('--service <name>', 'group or VRRP instance (default: the first with a VIP)')
    .option('--timeout <seconds>', 'give up after', '60')
    .option('--repeat <n>', 'measure N times in a row and print median, min and max', '1')
    .option('--plot <file.svg>', 'draw the measured times as an SVG chart')
    .option('--history <file>', 'append each result to this file (hactl ui shows it)', '.hactl/history.jsonl')
    .addOption(providerOption('where the nodes run (default: where the stack runs)'))
    .action(async (stack, options) => {
      const { testFailoverCommand } = await import('./commands/test-failover.js');
      process.exitCode = await testFailoverCommand(stack, options);
    });

  program
    .command('graph')
    .description('draw the topology up would build: nodes, NICs, networks, VIPs and where they run when steady')
    .argument('<stack>', 'stack file')
    .addOption(new Option('--format <format>', 'picture format').choices(['svg', 'dot', 'mermaid'] as const).default('svg' as const))
    .option('-o, --out <file>', 'write to FILE instead of stdout')
    .addOption(providerOption('draw the stack as this provider runs it (its platform)').default('lab' as const))
    .action(async (stack, options) => {
      const { graphCommand } = await import('./commands/graph.js');
      process.exitCode = await graphCommand(stack, options);
    });

  program
    .command('exporter')
    .description("serve Prometheus metrics for a stack's running cluster, any runtime, with the agent's metric names")
    .argument('<stack>', 'stack file')
    .option('--listen <address>', 'PORT (127.0.0.1 only) or HOST:PORT', '127.0.0.1:9664')
    .option('--interval <seconds>', "how often to read the runtime's status", '5')
    .addOption(providerOption('where the nodes run (default: where the stack runs)'))
    .action(async (stack, options) => {
      const { exporterCommand } = await import('./commands/exporter.js');
      process.exitCode = await exporterCommand(stack, options);
    });

  program
    .command('ui')
    .description("a live web view of a stack's running cluster: topology, groups, links, timeline (read-only unless --allow-actions)")
    .argument('<stack>', 'stack file')
    .option('--lab', "the stack's cluster on the lab (same as --provider lab)")
    .addOption(providerOption('where the nodes run (default: where the stack runs)'))
    .option('--listen <address>', 'PORT or HOST:PORT; beyond 127.0.0.1 only with --token', '127.0.0.1:9665')
    .option('--token <token>', 'required for other addresses than loopback (or HACTL_UI_TOKEN); open the page once with ?token=TOKEN')
    .option('--allow-actions', 'show standby/online/move/unmove/cleanup buttons (each asks for confirmation and is logged)')
    .option('--history <file>', 'failover tests and actions to show and record', '.hactl/history.jsonl')
    .option('--interval <seconds>', "how often to read the runtime's status", '1')
    .action(async (stack, options) => {
      const { uiCommand } = await import('./commands/ui.js');
      process.exitCode = await uiCommand(stack, options);
    });

  program
    .command('agent')
    .description('run the bundled agent: heartbeats, membership, resource groups, VIP failover')
    .option('--config <file>', 'agent config rendered by hactl (default /etc/hactl/agent.json)')
    .option('--ha-dir <dir>', 'run from heartbeat v1 ha.cf + haresources + authkeys in DIR instead')
    .option('--node <name>', 'this node (default: hostname, like heartbeat)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace')
    .action(async (options) => {
      const { agentCommand } = await import('./commands/agent.js');
      process.exitCode = await agentCommand(options);
    });

  program
    .command('agent-request', { hidden: true })
    .description("send one JSON control request to this node's agent and print its answer (how hactl drives agents on nodes)")
    .argument('<request>', 'e.g. {"cmd":"status"}')
    .option('--socket <path>', 'control socket of the agent')
    .option('--config <file>', 'agent config (to find its socket)')
    .option('--node <name>', 'this node (default: hostname)')
    .action(async (request, options) => {
      const { agentRequestCommand } = await import('./commands/agent.js');
      process.exitCode = await agentRequestCommand(request, options);
    });

  withTarget(
    program
      .command('status')
      .description("nodes, links, groups and where they run, failed actions, fail-counts (crm_mon-like), the same for every runtime")
      .option('--json', 'machine-readable'),
  ).action(async (options) => {
    const { statusCommand } = await import('./commands/status.js');
    process.exitCode = await statusCommand(options);
  });

  withTarget(program.command('standby').argument('<node>').description('move every group off NODE and keep it off (crm node standby, hb_standby, ...)')).action(async (node, options) => {
    const { standbyCommand } = await import('./commands/standby.js');
    process.exitCode = await standbyCommand(node, options);
  });
  withTarget(program.command('online').argument('<node>').description('let NODE run groups again (crm node online, ...)')).action(async (node, options) => {
    const { onlineCommand } = await import('./commands/online.js');
    process.exitCode = await onlineCommand(node, options);
  });
  withTarget(program.command('move').argument('<group>').argument('<node>').description('move GROUP (or the group of a member) to NODE and pin it there (crm resource move)')).action(async (group, node, options) => {
    const { moveCommand } = await import('./commands/move.js');
    process.exitCode = await moveCommand(group, node, options);
  });
  withTarget(program.command('unmove').argument('<group>').description('drop the pin set by move (crm resource clear)')).action(async (group, options) => {
    const { unmoveCommand } = await import('./commands/unmove.js');
    process.exitCode = await unmoveCommand(group, options);
  });
  withTarget(program.command('stop').argument('<group>').description('stop GROUP and keep it stopped everywhere (crm resource stop)')).action(async (group, options) => {
    const { stopCommand } = await import('./commands/stop.js');
    process.exitCode = await stopCommand(group, options);
  });
  withTarget(program.command('start').argument('<group>').description('let GROUP run again (crm resource start)')).action(async (group, options) => {
    const { startCommand } = await import('./commands/start.js');
    process.exitCode = await startCommand(group, options);
  });
  withTarget(program.command('cleanup').argument('[resource]').argument('[node]').description('forget failures and fail-counts (crm resource cleanup)')).action(async (resource, node, options) => {
    const { cleanupCommand } = await import('./commands/cleanup.js');
    process.exitCode = await cleanupCommand(resource, node, options);
  });
  withTarget(
    program
      .command('is-active')
      .description('exit 0 only on the node where GROUP runs (for jobs that must run on the active node only), any runtime')
      .argument('<group>', 'group name')
      .option('-q, --quiet', 'print nothing'),
  ).action(async (group, options) => {
    const { isActiveCommand } = await import('./commands/is-active.js');
    process.exitCode = await isActiveCommand(group, options);
  });

  // hactl import / migrate (issue 12)
  program
    .command('import')
    .description('write a stack from existing configuration: node directories (DIR/etc/ha.d/ha.cf, ...), a rendered tree, files per node, or live nodes over SSH (read-only)')
    .argument('[dirs...]', 'one directory per node (named after the node), or a tree hactl rendered')
    .requiredOption('-o, --out <file>', 'the stack file to write (never replaced)')
    .option('--node <name=path>', "a node's file or directory (repeat; PATH may be a comma-separated list)", (v: string, prev: string[] = []) => [...prev, v])
    .option('--ssh <targets>', 'read live nodes over SSH, read-only: root@sv1,root@sv2')
    .option('--identity-file <file>', 'the SSH private key')
    .option('--accept-new-host-keys', 'trust and record host keys not yet in known_hosts')
    .option('--known-hosts <file>', 'check host keys against this file instead of ~/.ssh/known_hosts')
    .option('--proxy-command <command>', 'reach the nodes through this command (%h host, %p port), e.g. "ssh -W %h:%p jump"')
    .option('--platform <platform>', 'the platform when no file says it (centos6, debian12)')
    .option('--name <cluster>', 'the cluster name when no file says it')
    .option('--secrets-dir <dir>', 'where key files go, relative to the stack (default: STACK.secrets)')
    .option('--print-secrets', 'print keys and passwords once to stdout as VAR=value (the stack then references env vars) instead of writing key files')
    .option('-v, --verbose', 'also list what was imported as written')
    .action(async (dirs, options) => {
      const { importCommand } = await import('./commands/import.js');
      process.exitCode = await importCommand(dirs, options);
    });

  program
    .command('migrate')
    .description('translate a stack to another runtime (and platform): a new stack plus one line per item: mapped, changed (what, why) or blocked (why)')
    .argument('<stack>', 'stack file')
    .addOption(new Option('--to <runtime>', 'the runtime of the new stack').choices(['heartbeat', 'pacemaker', 'keepalived', 'agent'] as const).makeOptionMandatory())
    .addOption(new Option('--platform <platform>', 'the platform of the new stack (default: the source’s)').choices(['centos6', 'debian12'] as const))
    .requiredOption('-o, --out <file>', 'the new stack file (never replaced)')
    .action(async (stack, options) => {
      const { migrateCommand } = await import('./commands/migrate.js');
      process.exitCode = await migrateCommand(stack, options);
    });

  return program as unknown as Command;
}
