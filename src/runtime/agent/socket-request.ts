import type { ControlRequest, ControlResponse } from '../../agent/control/protocol.js';
import { quote } from '../../transport/shell.js';
import type { Transport } from '../../transport/transport.js';
import { RuntimeError } from '../errors.js';

/**
 * One control request to a node's agent, spoken to its Unix socket from the node's shell, without starting Node.js:
 * on emulated VMs (no KVM) Node.js needs seconds to start and most of a minute to load hactl's bundle, and hactl on the
 * host sends one request per node for every status poll. Perl is part of every Debian and Ubuntu (perl-base is
 * essential) and starts in milliseconds; where it is missing, a few lines of the agent's own Node.js do the same.
 * Both print the agent's answer line as it is (newline-delimited JSON, agent/control/protocol.ts) and exit 2 when no
 * agent listens, 3 when it does not answer in time.
 */
const PERL = [
  'use Socket;',
  'my ($path, $req, $secs) = @ARGV;',
  '$SIG{ALRM} = sub { print STDERR "no answer from $path within $secs s\\n"; exit 3 };',
  'alarm $secs;',
  'socket(my $s, PF_UNIX, SOCK_STREAM, 0) or die "socket: $!\\n";',
  'connect($s, pack_sockaddr_un($path)) or do { print STDERR "no agent is listening on $path: $!\\n"; exit 2 };',
  'syswrite($s, "$req\\n");',
  'my $line = <$s>;',
  'defined $line or die "the agent closed the connection without answering\\n";',
  'print $line;',
].join(' ');

const NODE = [
  "const [path, req, secs] = process.argv.slice(1);",
  "const fail = (code, text) => { process.stderr.write(text + '\\n'); process.exit(code); };",
  'setTimeout(() => fail(3, `no answer from ${path} within ${secs} s`), secs * 1000).unref();',
  "let got = '';",
  "const s = require('node:net').connect(path, () => s.write(req + '\\n'));",
  "s.on('error', (e) => fail(e.code === 'ENOENT' || e.code === 'ECONNREFUSED' ? 2 : 1, `no agent is listening on ${path}: ${e.message}`));",
  "s.on('data', (d) => { got += d; const nl = got.indexOf('\\n'); if (nl >= 0) { process.stdout.write(got.slice(0, nl + 1)); process.exit(0); } });",
  "s.on('end', () => fail(1, 'the agent closed the connection without answering'));",
].join(' ');

/** The shell command that sends `request` to the agent listening on `socket` and prints its answer line. */
export function socketRequestCommand(socket: string, request: ControlRequest, timeoutSeconds: number): string {
  const args = [socket, JSON.stringify({ id: 1, ...request }), String(timeoutSeconds)].map(quote).join(' ');
  return `if command -v perl >/dev/null 2>&1; then exec perl -e ${quote(PERL)} ${args}; fi; exec node -e ${quote(NODE)} ${args}`;
}

/** The agent's answer to one request: its result, or a RuntimeError naming the node and the agent's own words. */
export async function requestOverShell(node: string, transport: Transport, socket: string, request: ControlRequest, timeoutSeconds = 20): Promise<unknown> {
  // the transport's own bound comes after the script's, so a slow answer is reported by the script, in its words
  const r = await transport.exec(socketRequestCommand(socket, request, timeoutSeconds), { timeoutMs: (timeoutSeconds + 10) * 1000 });
  if (r.code === 2) throw new RuntimeError('runtime-not-ready', `${node}: ${r.stderr.trim() || `no agent is listening on ${socket}`}`);
  if (r.code !== 0) throw new RuntimeError('runtime-command-failed', `${node}: the agent request ${request.cmd} failed: ${r.stderr.trim() || `exit ${r.code}`}`);
  let response: ControlResponse;
  try {
    response = JSON.parse(r.stdout) as ControlResponse;
  } catch {
    throw new RuntimeError('runtime-command-failed', `${node}: the agent answered ${request.cmd} with something that is not JSON`);
  }
  if (!response.ok) throw new RuntimeError('runtime-command-failed', `${node}: the agent refused ${request.cmd}: ${response.error.message} (${response.error.code})`);
  return response.result;
}
