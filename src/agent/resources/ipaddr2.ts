import { spawn } from 'node:child_process';
import { isIP } from 'node:net';
import type { IpAddr2Resource } from '../config.js';
import { runCommand, summarize } from './command.js';
import { OpFailure, type DriverEnv, type ResourceDriver } from './driver.js';

/** As the IPaddr2 agent: `ip addr add/del`, then unsolicited ARP so switches and clients learn the new MAC. */
export function ipaddr2Driver(res: IpAddr2Resource, env: DriverEnv): ResourceDriver {
  const cidr = `${res.ip}/${res.cidr}`;
  const family = isIP(res.ip) === 6 ? '-6' : '-4';
  return {
    async start({ timeoutMs }) {
      const argv = ['ip', family, 'addr', 'add', cidr, 'dev', res.nic, ...(res.label ? ['label', res.label] : [])];
      const r = await runCommand(argv, { timeoutMs });
      if (r.code !== 0 && !/File exists/i.test(r.stderr)) throw new OpFailure(`ip addr add ${cidr} dev ${res.nic}: ${summarize(r)}`, r.code);
      if (family === '-4' && res.arpCount > 0) announce(res, env);
    },
    async stop({ timeoutMs }) {
      const r = await runCommand(['ip', family, 'addr', 'del', cidr, 'dev', res.nic], { timeoutMs });
      if (r.code !== 0 && !/Cannot assign requested address|Cannot find device/i.test(r.stderr)) {
        throw new OpFailure(`ip addr del ${cidr} dev ${res.nic}: ${summarize(r)}`, r.code);
      }
    },
    async monitor({ timeoutMs }) {
      const r = await runCommand(['ip', '-o', family, 'addr', 'show', 'dev', res.nic], { timeoutMs });
      if (r.code !== 0) return { state: 'failed', detail: `ip addr show dev ${res.nic}: ${summarize(r)}` };
      const present = r.stdout.split('\n').some((l) => l.includes(` ${cidr} `) || l.includes(` ${res.ip}/`));
      return present ? { state: 'running' } : { state: 'stopped', detail: `${cidr} not on ${res.nic}` };
    },
  };
}

/** Fire and forget: the takeover is complete once the address is up; arping only speeds up neighbours. */
function announce(res: IpAddr2Resource, env: DriverEnv): void {
  const child = spawn('arping', ['-U', '-c', String(res.arpCount), '-I', res.nic, res.ip], { stdio: 'ignore' });
  child.on('error', (err) => env.log.warn({ event: 'arping-failed', resource: res.id, err: err.message }, 'gratuitous ARP not sent'));
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) env.log.debug({ event: 'arping-exit', resource: res.id, code }, 'arping exited non-zero');
  });
  const kill = setTimeout(() => child.kill('SIGKILL'), 5000 + res.arpCount * 1000);
  kill.unref();
  child.on('exit', () => clearTimeout(kill));
}
