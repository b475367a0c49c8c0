import { spawn } from 'node:child_process';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { IpAddr2Resource } from '../config/index.js';
import { logEvent } from '../log/format-event.js';
import { ArmedProcess, shellQuote } from './armed.js';
import { runCommand, summarize } from './command.js';
import { OpFailure, type DriverEnv, type ResourceDriver } from './driver.js';

const GONE = /Cannot assign requested address|Address not found|Cannot find device|does not exist/i;

/**
 * As the IPaddr2 agent: `ip addr add/del`, then unsolicited ARP so switches and clients learn the new MAC.
 * Takeover speed matters here: ip and arping are started in advance and wait for their input (ArmedProcess).
 */
export function ipaddr2Driver(res: IpAddr2Resource, env: DriverEnv): ResourceDriver {
  const cidr = `${res.ip}/${res.cidr}`;
  const family = isIP(res.ip) === 6 ? '-6' : '-4';
  const garp = family === '-4' && res.arpCount > 0;
  // One command per process: ip -batch lists carry state from one command to the next, single changes do not.
  const up = new ArmedProcess(['ip', '-force', '-batch', '-']);
  const down = new ArmedProcess(['ip', '-force', '-batch', '-']);
  const arping = garp
    ? new ArmedProcess(['/bin/sh', '-c', `read go || exit 0; exec arping -U -c ${res.arpCount} -I ${shellQuote(res.nic)} ${shellQuote(res.ip)} >/dev/null 2>&1`])
    : undefined;
  for (const p of [up, down, arping]) p?.arm();
  // Re-arming forks: keep it off the takeover path.
  const rearm = (...ps: Array<ArmedProcess | undefined>): void => void setTimeout(() => ps.forEach((p) => p?.arm()), 50).unref();
  const sendGarp = (): void => {
    if (garp && !arping?.trigger('go\n')) sendGratuitousArp(res, env);
  };
  const replace = `address replace ${cidr} dev ${res.nic}${res.label ? ` label ${res.label}` : ''}\n`;

  return {
    close() {
      for (const p of [up, down, arping]) p?.close();
    },
    announce() {
      sendGarp();
      rearm(arping);
    },
    async start({ timeoutMs }) {
      const fast = up.run(replace, timeoutMs);
      const r = fast ? await fast : await runCommand(['ip', ...replace.trim().split(' ')], { timeoutMs }).then((x) => ({ code: x.code, signal: x.signal, stderr: summarize(x) }));
      // `replace` succeeds whether or not the address is already there, as a start must.
      if (r.code !== 0) {
        rearm(up);
        throw new OpFailure(`ip ${replace.trim()}: ${r.stderr || `exit ${r.code ?? r.signal}`}`, r.code);
      }
      // Only now: a gratuitous ARP before the address exists would send clients to a host that drops them.
      sendGarp();
      rearm(up, arping);
    },
    async stop({ timeoutMs }) {
      const del = `address del ${cidr} dev ${res.nic}\n`;
      const fast = down.run(del, timeoutMs);
      rearm(down);
      const r = fast ? await fast : await runCommand(['ip', ...del.trim().split(' ')], { timeoutMs }).then((x) => ({ code: x.code, signal: x.signal, stderr: x.stderr }));
      if (r.code !== 0 && !GONE.test(r.stderr)) throw new OpFailure(`ip ${del.trim()}: ${r.stderr || `exit ${r.code ?? r.signal}`}`, r.code);
    },
    async monitor({ timeoutMs }) {
      // No fork on the healthy path: a check of a later member (http) asks this one first when it fails.
      if (listedOn(res.nic, res.ip)) return { state: 'running' };
      // getifaddrs skips interfaces without carrier, so only `ip` can say the address is really gone.
      const r = await runCommand(['ip', '-o', family, 'addr', 'show', 'dev', res.nic], { timeoutMs });
      if (r.code !== 0) return { state: 'failed', detail: `ip addr show dev ${res.nic}: ${summarize(r)}` };
      const present = r.stdout.split('\n').some((l) => l.includes(` ${res.ip}/`));
      return present ? { state: 'running' } : { state: 'stopped', detail: `${cidr} not on ${res.nic}` };
    },
  };
}

function listedOn(nic: string, ip: string): boolean {
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    if ((name === nic || name.startsWith(`${nic}:`)) && addrs?.some((a) => a.address === ip)) return true;
  }
  return false;
}

/** Only when the armed arping could not run; the takeover does not wait for it. */
function sendGratuitousArp(res: IpAddr2Resource, env: DriverEnv): void {
  const child = spawn('arping', ['-U', '-c', String(res.arpCount), '-I', res.nic, res.ip], { stdio: 'ignore' });
  child.on('error', (err) => logEvent(env.log, { event: 'arping-failed', resource: res.id, err: err.message }));
  const kill = setTimeout(() => child.kill('SIGKILL'), 5000 + res.arpCount * 1000);
  kill.unref();
  child.on('exit', () => clearTimeout(kill));
}
