import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LabError } from './errors.js';
import type { LabLayout, LayoutMember } from './layout.js';
import { nodeRootDir } from './names.js';
import { run } from './run.js';
import type { LabProcess } from './spawn.js';
import { ensureKey, hostPatterns, recordKnownHost } from './ssh-keys.js';
import { updateState } from './state.js';

export interface SshdOptions {
  port?: number;
  /** listen on the node's address on this network; default the node's first NIC */
  network?: string;
  timeoutMs?: number;
}

export interface SshdEndpoint {
  node: string;
  host: string;
  port: number;
  /** 'ssh-ed25519 AAAA...' */
  hostKeyPublic: string;
  /** the line added to the lab's known_hosts */
  knownHostsLine: string;
  pid: number;
}

const CONFIG = '/etc/ssh/hactl-lab-sshd_config';
const AUTHORIZED_KEYS = '/etc/ssh/hactl-lab-authorized_keys';
const HOST_KEY = '/etc/ssh/ssh_host_ed25519_key';

// Authorized keys live in the node's private /etc, never in /root/.ssh (shared with the host). UsePAM no keeps
// the login path free of PAM session modules that expect a full system (loginuid, systemd, motd).
const sshdConfig = (host: string, port: number): string => `# written by the hactl lab
Port ${port}
ListenAddress ${host}
HostKey ${HOST_KEY}
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AuthorizedKeysFile ${AUTHORIZED_KEYS}
PidFile /run/sshd-hactl-lab.pid
PrintMotd no
MaxStartups 100:30:200
MaxSessions 64
Subsystem sftp internal-sftp
`;

async function waitListening(member: LayoutMember, host: string, port: number, proc: LabProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void proc.exited.then(() => { exited = true; });
  while (Date.now() < deadline && !exited) {
    const { stdout } = await run(['ss', '-N', member.netns, '-Hltn', 'src', `${host}:${port}`], { allowFailure: true, timeoutMs: 5_000 });
    if (stdout.trim()) return;
    await sleep(20);
  }
  let log = '';
  try {
    log = readFileSync(proc.logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
  } catch {
    // no log yet
  }
  throw new LabError('lab-sshd-failed', `sshd on ${member.name} did not listen on ${host}:${port}${exited ? ' (it exited)' : ''}${log ? `: ${log}` : ''}`);
}

export async function startSshd(
  layout: LabLayout,
  member: LayoutMember,
  clientKey: Promise<string>,
  spawnIn: (argv: string[], logFile: string) => LabProcess,
  opts: SshdOptions = {},
): Promise<SshdEndpoint> {
  const nic = opts.network ? member.nics.find((n) => n.network === opts.network) : member.nics[0];
  if (!nic) throw new LabError('lab-unknown-member', `${member.name} has no NIC${opts.network ? ` on ${opts.network}` : ''}`);
  const port = opts.port ?? 22;
  const etc = join(nodeRootDir(layout.name, member.name), 'etc');
  const hostKeyLine = await ensureKey(join(etc, HOST_KEY.slice('/etc/'.length)), `${member.name}@hactl-lab-${layout.name}`);
  const hostKeyPublic = hostKeyLine.split(' ').slice(0, 2).join(' ');
  writeFileSync(join(etc, AUTHORIZED_KEYS.slice('/etc/'.length)), `${await clientKey}\n`, { mode: 0o600 });
  writeFileSync(join(etc, CONFIG.slice('/etc/'.length)), sshdConfig(nic.address, port), { mode: 0o644 });

  const logFile = join(nodeRootDir(layout.name, member.name), 'var', 'log', `hactl-lab-sshd-${port}.log`);
  const proc = spawnIn(['/usr/sbin/sshd', '-D', '-e', '-f', CONFIG], logFile);
  try {
    await waitListening(member, nic.address, port, proc, opts.timeoutMs ?? 10_000);
  } catch (err) {
    proc.kill('SIGKILL');
    throw err;
  }
  // like every lab daemon it outlives the process that started it (`hactl up` exits); destroy stops it by PID
  proc.unref();
  const knownHostsLine = recordKnownHost(layout.name, hostPatterns([nic.address, member.name], port), hostKeyPublic);
  const endpoint = { node: member.name, host: nic.address, port, hostKeyPublic, knownHostsLine, pid: proc.pid };
  updateState(layout.name, (s) => {
    s.sshd = [...s.sshd.filter((e) => !(e.node === member.name && e.port === port)),
      { node: member.name, host: nic.address, port, hostKeyPublic, pid: proc.pid }];
  });
  return endpoint;
}
