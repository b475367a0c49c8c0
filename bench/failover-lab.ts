import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AGENT_CONFIG_PATH, type AgentConfigDocument } from '../src/agent/config/index.js';
import { agentCleanup } from '../src/agent/control/client.js';
import { AGENT_ENV, AGENT_NODE_FLAGS } from '../src/agent/run/node-flags.js';
import { createLab, destroyLab, type Lab, type LabProcess, type LabSpec } from '../src/netns/index.js';

export const ROOT = join(import.meta.dirname, '..');
export const VIP = '172.31.0.10';
export const PORT = 8080;
export const NODES = ['n1', 'n2'] as const;
export type Node = (typeof NODES)[number];
export type Daemon = 'agent' | 'keepalived';

export interface Tuning {
  name: string;
  /** heartbeat / VRRP advert interval */
  intervalMs: number;
  /** service check interval */
  checkMs: number;
}

const KEY = 'bench-failover-key-0123456789';
const SERVICE = `require('http').createServer((q,r)=>r.end(process.env.SVC_NODE+'\\n')).listen(${PORT},'0.0.0.0')`;

export function labSpec(name: string): LabSpec {
  return {
    name,
    networks: [{ name: 'svc', cidr: '172.31.0.0/24' }, { name: 'ic', cidr: '10.31.0.0/24' }],
    nodes: NODES.map((n, i) => ({
      name: n,
      nics: [
        { name: 'eth0', network: 'svc', address: `172.31.0.${11 + i}/24` },
        { name: 'eth1', network: 'ic', address: `10.31.0.${1 + i}/24` },
      ],
    })),
    clients: [{ name: 'client', nics: [{ name: 'eth0', network: 'svc', address: '172.31.0.100/24' }] }],
  };
}

/**
 * The agent as shipped (compiled JS, no tsx loader in the process), so RSS and CPU are the agent's own.
 * Built into a temporary directory with node_modules linked.
 */
export function buildAgent(): { main: string; dir: string } {
  // /var/tmp: visible inside the lab nodes, whose /tmp is private.
  const dir = mkdtempSync(join('/var/tmp', 'hactl-bench-agent-'));
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      join(ROOT, 'src', 'agent', 'run', 'main.ts'),
      '--outDir', dir, '--rootDir', join(ROOT, 'src'),
      '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2023',
      '--strict', '--skipLibCheck', '--types', 'node', '--esModuleInterop',
    ],
    { stdio: 'inherit', cwd: ROOT },
  );
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { main: join(dir, 'agent', 'run', 'main.js'), dir };
}

export function agentConfig(t: Tuning): AgentConfigDocument {
  return {
    cluster: 'bench',
    nodes: NODES.map((n, i) => ({ name: n, addresses: { svc: `172.31.0.${11 + i}/24` } })),
    // Heartbeats on the service network only: the same path as keepalived's VRRP adverts.
    links: [{ name: 'svc', mode: 'ucast', iface: 'eth0' }],
    auth: { method: 'sha256', key: KEY },
    timings: { keepaliveMs: t.intervalMs, warntimeMs: t.intervalMs * 2, deadtimeMs: t.intervalMs * 3, initdeadMs: Math.max(2000, t.intervalMs * 6) },
    // keepalived preempts by default (the MASTER takes the VIP back): match it so every repetition starts on n1.
    autoFailback: true,
    log: { level: 'info' },
    groups: [
      {
        name: 'web',
        preferred: 'n1',
        migrationThreshold: 1,
        members: [
          { id: 'vip', class: 'ipaddr2', ip: VIP, cidr: 24, nic: 'eth0', ops: { monitor: { intervalMs: 10000 } } },
          { id: 'http', class: 'http', url: `http://127.0.0.1:${PORT}/`, ops: { monitor: { intervalMs: t.checkMs, timeoutMs: Math.max(t.checkMs * 5, 100) } } },
        ],
      },
    ],
  };
}

export function keepalivedConfig(t: Tuning, node: Node): string {
  const master = node === 'n1';
  return `global_defs {
  router_id ${node}
  vrrp_version 3
  script_user root
  enable_script_security
}
vrrp_instance VI_1 {
  state ${master ? 'MASTER' : 'BACKUP'}
  interface eth0
  virtual_router_id 51
  priority ${master ? 150 : 100}
  advert_int ${t.intervalMs / 1000}
  virtual_ipaddress {
    ${VIP}/24 dev eth0
  }
}
`;
}

/**
 * keepalived cannot run a vrrp_script more often than once a second, so the service check is the seed 002
 * pattern: a watcher that stops keepalived when the service fails (keepalived then resigns with priority 0).
 */
const WATCHER = `
const http = require('http'); const fs = require('fs');
const every = Number(process.argv[1]);
const tick = () => {
  const req = http.get({ host: '127.0.0.1', port: ${PORT}, path: '/', timeout: Math.max(every * 5, 100) }, (res) => { res.resume(); res.on('end', () => setTimeout(tick, every)); });
  const fail = () => { try { process.kill(Number(fs.readFileSync('/run/keepalived.pid', 'utf8')), 'SIGTERM'); } catch {} process.exit(0); };
  req.on('error', fail); req.on('timeout', () => { req.destroy(); fail(); });
};
tick();
`;

export interface ProbeAnswer {
  sent: number;
  at: number;
  node: string;
}

export class Bench {
  lab!: Lab;
  private readonly daemons = new Map<string, LabProcess>();
  private watcher: LabProcess | undefined;
  private readonly services = new Map<Node, LabProcess>();
  private probe?: ChildProcess;
  private answers: ProbeAnswer[] = [];
  private waiters = new Set<() => void>();

  constructor(
    readonly name: string,
    readonly agentMain: string,
  ) {}

  async setup(): Promise<void> {
    await destroyLab(this.name);
    this.lab = await createLab(labSpec(this.name));
    for (const n of NODES) this.startService(n);
    await this.waitFor('services', async () => (await Promise.all(NODES.map((n) => this.serviceAnswers(n)))).every(Boolean), 10_000);
    const [file = 'nsenter', ...args] = this.lab.enterArgv('client');
    this.probe = spawn(file, [...args, process.execPath, '--import', join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs'), join(ROOT, 'bench', 'failover-probe.ts'), VIP, String(PORT), '10', String(6 * 3600_000)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    createInterface({ input: this.probe.stdout! }).on('line', (line) => {
      try {
        this.answers.push(JSON.parse(line) as ProbeAnswer);
      } catch {
        return;
      }
      if (this.answers.length > 5000) this.answers = this.answers.slice(-2000);
      for (const w of this.waiters) w();
    });
  }

  async teardown(): Promise<void> {
    if (this.probe?.pid) this.probe.kill('SIGKILL');
    await this.stopDaemons();
    if (this.lab) await this.lab.destroy();
    else await destroyLab(this.name);
  }

  startService(n: Node): void {
    this.services.set(n, this.lab.spawn(n, [process.execPath, '-e', SERVICE], { env: { SVC_NODE: n } }));
  }

  async killService(n: Node): Promise<void> {
    const p = this.services.get(n);
    if (!p) return;
    this.services.delete(n);
    process.kill(p.pid, 'SIGKILL');
    await p.exited;
  }

  private async serviceAnswers(n: Node): Promise<boolean> {
    const r = await this.lab.exec(n, ['curl', '-s', '-m', '1', `http://127.0.0.1:${PORT}/`]);
    return r.stdout.trim() === n;
  }

  readonly runDir = (n: Node): string => join(this.lab.nodeRoot(n), 'run');
  readonly controlSocket = (n: Node): string => join(this.runDir(n), 'hactl', `bench-${n}`, 'control.sock');

  writeConfigs(daemon: Daemon, t: Tuning): void {
    for (const n of NODES) {
      const etc = join(this.lab.nodeRoot(n), 'etc');
      if (daemon === 'agent') {
        mkdirSync(join(etc, 'hactl'), { recursive: true });
        writeFileSync(join(etc, 'hactl', 'agent.json'), JSON.stringify(agentConfig(t), null, 2), { mode: 0o600 });
      } else {
        mkdirSync(join(etc, 'keepalived'), { recursive: true });
        writeFileSync(join(etc, 'keepalived', 'keepalived.conf'), keepalivedConfig(t, n), { mode: 0o600 });
      }
    }
  }

  async startDaemon(daemon: Daemon, n: Node, t: Tuning): Promise<LabProcess> {
    // The previous instance (stopped by the service watcher) must be gone: its exit removes the pid files.
    const previous = this.daemons.get(`${daemon}:${n}`);
    if (previous) await Promise.race([previous.exited, sleep(5000)]);
    // A crashed keepalived leaves pid files behind and refuses to start over them.
    if (daemon === 'keepalived') for (const f of ['keepalived.pid', 'keepalived-vrrp.pid']) rmSync(join(this.runDir(n), f), { force: true });
    const argv =
      daemon === 'agent'
        ? [process.execPath, ...AGENT_NODE_FLAGS, this.agentMain, '--config', AGENT_CONFIG_PATH, '--node', n]
        : ['keepalived', '--dont-fork', '--log-console', '--vrrp', '-f', '/etc/keepalived/keepalived.conf', '-p', '/run/keepalived.pid', '-r', '/run/keepalived-vrrp.pid'];
    const p = this.lab.spawn(n, argv, { logFile: join('/run/hactl/lab', this.name, 'logs', n, `${daemon}.log`), ...(daemon === 'agent' ? { env: { ...AGENT_ENV } } : {}) });
    this.daemons.set(`${daemon}:${n}`, p);
    if (daemon === 'keepalived' && n === 'n1' && !this.watcher) {
      const w = this.lab.spawn(n, [process.execPath, '-e', WATCHER, String(t.checkMs)]);
      this.watcher = w;
      this.daemons.set(`watcher:${n}`, w);
      void w.exited.then(() => {
        if (this.watcher === w) this.watcher = undefined;
        if (this.daemons.get(`watcher:${n}`) === w) this.daemons.delete(`watcher:${n}`);
      });
    }
    return p;
  }

  daemonPid(daemon: Daemon, n: Node): number | undefined {
    return this.daemons.get(`${daemon}:${n}`)?.pid;
  }

  /** SIGKILL, as a crash: keepalived's VRRP child is killed with its parent so nothing resigns cleanly. */
  async crash(daemon: Daemon, n: Node): Promise<void> {
    const key = `${daemon}:${n}`;
    const p = this.daemons.get(key);
    if (!p) return;
    const pids = [p.pid];
    if (daemon === 'keepalived') {
      try {
        pids.unshift(Number(readFileSync(join(this.runDir(n), 'keepalived-vrrp.pid'), 'utf8').trim()));
      } catch {
        // not started yet
      }
    }
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    this.daemons.delete(key);
    await Promise.race([p.exited, new Promise((r) => setTimeout(r, 5000))]);
  }

  async stopDaemons(): Promise<void> {
    for (const [key, p] of [...this.daemons]) {
      this.daemons.delete(key);
      p.kill('SIGTERM');
      const done = await Promise.race([p.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
      if (!done) p.kill('SIGKILL');
    }
    if (!this.lab) return;
    for (const n of NODES) {
      await this.lab.exec(n, ['ip', 'addr', 'del', `${VIP}/24`, 'dev', 'eth0']);
      rmSync(join(this.runDir(n), 'hactl'), { recursive: true, force: true });
    }
  }

  async removeStaleVip(n: Node): Promise<void> {
    await this.lab.exec(n, ['ip', 'addr', 'del', `${VIP}/24`, 'dev', 'eth0']);
  }

  async cleanupAgent(n: Node): Promise<void> {
    await agentCleanup(this.controlSocket(n), 'http');
  }

  /** Resolves with the first answer after `since` that `accept` takes, or undefined after timeoutMs. */
  nextAnswer(since: number, accept: (a: ProbeAnswer) => boolean, timeoutMs: number): Promise<ProbeAnswer | undefined> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const hit = this.answers.find((a) => a.at >= since && accept(a));
        if (!hit) return false;
        cleanup();
        resolve(hit);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        resolve(undefined);
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      if (!check()) this.waiters.add(check);
    });
  }

  /** Every answer over the next ~count probes comes from `n` (and there are answers). */
  async steadyOn(n: Node, count = 20, timeoutMs = 60_000): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const since = Date.now();
      await sleep(count * 10 + 100);
      const recent = this.answers.filter((a) => a.at >= since);
      if (recent.length >= count / 2 && recent.every((a) => a.node === n)) return true;
      await sleep(100);
    }
    return false;
  }

  async waitFor(what: string, cond: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await cond().catch(() => false))) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** RSS (kB) and CPU ticks of a process, from /proc. */
export function procSample(pid: number): { rssKb: number; cpuTicks: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { rssKb, cpuTicks: Number(fields[11]) + Number(fields[12]) };
}
