import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExecResource } from '../config/index.js';
import { logEvent } from '../log/format-event.js';
import { argvOf, runCommand, summarize } from './command.js';
import { OpFailure, type DriverEnv, type MonitorResult, type OpContext, type ResourceDriver } from './driver.js';

const EXIT_NOT_RUNNING = 7;

/** Commands (start/stop/monitor), or a supervised foreground process (`run`) with a pid file in runDir. */
export function execDriver(res: ExecResource, env: DriverEnv): ResourceDriver {
  const vars = { ...res.env, HACTL_CLUSTER: env.cluster, HACTL_NODE: env.node, HACTL_RESOURCE: res.id };
  const opts = (timeoutMs: number) => ({ timeoutMs, env: vars, ...(res.cwd ? { cwd: res.cwd } : {}) });
  return res.run !== undefined ? supervised(res, env, vars) : commands(res, opts);
}

function commands(res: ExecResource, opts: (t: number) => { timeoutMs: number; env: Record<string, string> }): ResourceDriver {
  // Without a monitor command the last successful operation is all we know.
  let started = false;
  return {
    async start({ timeoutMs }) {
      const r = await runCommand(res.start!, opts(timeoutMs));
      if (r.code !== 0) throw new OpFailure(`start: ${summarize(r)}`, r.code);
      started = true;
    },
    async stop({ timeoutMs }) {
      if (res.stop !== undefined) {
        const r = await runCommand(res.stop, opts(timeoutMs));
        if (r.code !== 0) throw new OpFailure(`stop: ${summarize(r)}`, r.code);
      }
      started = false;
    },
    async monitor({ timeoutMs }) {
      if (res.monitor === undefined) return started ? { state: 'running' } : { state: 'stopped' };
      return monitorCommand(res, opts(timeoutMs));
    },
  };
}

async function monitorCommand(res: ExecResource, opts: { timeoutMs: number; env: Record<string, string> }): Promise<MonitorResult> {
  const r = await runCommand(res.monitor!, opts);
  if (r.code === 0) return { state: 'running' };
  if (r.code === EXIT_NOT_RUNNING) return { state: 'stopped' };
  return { state: 'failed', detail: `monitor: ${summarize(r)}` };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function supervised(res: ExecResource, env: DriverEnv, vars: Record<string, string>): ResourceDriver {
  const pidFile = join(env.runDir, `${res.id}.pid`);
  const logFile = join(env.runDir, `${res.id}.log`);
  let pid: number | undefined;
  // A child we spawned ourselves is judged by its exit event: kill(pid, 0) succeeds on a zombie not yet reaped.
  let ownChild: { pid: number; exited: boolean } | undefined;

  const currentPid = async (): Promise<number | undefined> => {
    if (ownChild !== undefined && ownChild.pid === pid) return ownChild.exited ? undefined : pid;
    if (pid !== undefined) return alive(pid) ? pid : undefined;
    try {
      const p = Number((await readFile(pidFile, 'utf8')).trim());
      // The pid file survives an agent crash; the process group it names may still serve.
      if (Number.isInteger(p) && p > 1 && alive(p)) {
        pid = p;
        return p;
      }
    } catch {
      // no pid file
    }
    return undefined;
  };

  const monitor = async (ctx: OpContext): Promise<MonitorResult> => {
    const p = await currentPid();
    if (p === undefined) return { state: 'stopped', detail: 'process not running' };
    if (res.monitor === undefined) return { state: 'running' };
    return monitorCommand(res, { timeoutMs: ctx.timeoutMs, env: vars });
  };

  return {
    async start(ctx) {
      if ((await currentPid()) !== undefined) return;
      mkdirSync(env.runDir, { recursive: true, mode: 0o700 });
      const out = openSync(logFile, 'a', 0o600);
      const argv = argvOf(res.run!);
      const child = spawn(argv[0]!, argv.slice(1), {
        detached: true,
        stdio: ['ignore', out, out],
        env: { ...process.env, ...vars },
        ...(res.cwd ? { cwd: res.cwd } : {}),
      });
      closeSync(out);
      const spawned = await new Promise<Error | undefined>((resolve) => {
        child.once('spawn', () => resolve(undefined));
        child.once('error', (err) => resolve(err));
      });
      if (spawned) throw new OpFailure(`cannot run ${argv[0]}: ${spawned.message}`);
      child.unref();
      pid = child.pid!;
      const own = { pid, exited: false };
      ownChild = own;
      let exited: string | undefined;
      child.once('exit', (code, signal) => {
        own.exited = true;
        exited = signal ? `killed by ${signal}` : `exit ${code}`;
        logEvent(env.log, { event: 'process-exit', resource: res.id, pid: child.pid, code, signal });
      });
      await writeFile(pidFile, `${pid}\n`, { mode: 0o600 });
      if (res.monitor === undefined) return;
      // Ready when the monitor passes, so the group's next member starts against a serving process.
      const deadline = Date.now() + ctx.timeoutMs;
      for (let wait = 5; Date.now() < deadline; wait = Math.min(wait * 2, 200)) {
        if (exited) throw new OpFailure(`process ended during start (${exited}); see ${logFile}`);
        const m = await monitorCommand(res, { timeoutMs: Math.max(1, deadline - Date.now()), env: vars });
        if (m.state === 'running') return;
        await sleep(wait);
      }
      throw new OpFailure(`monitor did not pass within ${ctx.timeoutMs} ms of start`);
    },
    async stop(ctx) {
      const p = await currentPid();
      if (p !== undefined) {
        const signal = (sig: NodeJS.Signals): void => {
          try {
            process.kill(-p, sig);
          } catch {
            try {
              process.kill(p, sig);
            } catch {
              // gone
            }
          }
        };
        signal('SIGTERM');
        const deadline = Date.now() + ctx.timeoutMs;
        const gone = async (): Promise<boolean> => (await currentPid()) === undefined;
        while (!(await gone()) && Date.now() < deadline) await sleep(10);
        if (!(await gone())) {
          signal('SIGKILL');
          await sleep(50);
          if (!(await gone())) throw new OpFailure(`process ${p} survived SIGKILL`);
        }
      }
      pid = undefined;
      await rm(pidFile, { force: true });
      if (res.stop !== undefined) {
        const r = await runCommand(res.stop, { timeoutMs: ctx.timeoutMs, env: vars });
        if (r.code !== 0) throw new OpFailure(`stop: ${summarize(r)}`, r.code);
      }
    },
    monitor,
  };
}
