import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lsbRenderer } from '../../src/render/lsb/index.js';
import { missing } from '../support/env.js';
import { expectGolden, fileOf, modelOf, render, stackInput } from './render-variants.js';

// seed 001's /etc/init.d/tomcat: the header lines that tools read
const seedTomcatHeader = ['# chkconfig: 2345 35 65', '# description: Tomcat is the servlet container that is used in the official \\'];
// seed 004's /etc/init.d/hoge
const seedHogeHeader = ['#!/bin/sh', '# chkconfig: 2345 99 10'];

const scratch = mkdtempSync(join(tmpdir(), 'hactl-lsb-test-'));
afterAll(() => {
  const pids = spawnSync('pgrep', ['-f', scratch], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const pid of pids) process.kill(Number(pid), 'SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

function run(script: string, action: string, shell = 'sh'): { code: number; out: string } {
  const r = spawnSync(shell, [script, action], { encoding: 'utf8', timeout: 30_000, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

describe('LSB init scripts of the seed stacks', async () => {
  const web = render(await modelOf(await stackInput('001-web-pacemaker-heartbeat')), lsbRenderer);
  const job = render(await modelOf(await stackInput('004-job-corosync-pacemaker')), lsbRenderer);

  it('renders /etc/init.d/tomcat (seed 001) and /etc/init.d/hoge (seed 004) on every node (golden)', () => {
    expect(web.map((f) => `${f.node}:${f.path}`)).toEqual(['s1:/etc/init.d/tomcat', 's2:/etc/init.d/tomcat']);
    expect(job.map((f) => `${f.node}:${f.path}`)).toEqual(['node1:/etc/init.d/hoge', 'node2:/etc/init.d/hoge']);
    for (const f of web) expectGolden('001-web-pacemaker-heartbeat', f);
    for (const f of job) expectGolden('004-job-corosync-pacemaker', f);
    for (const f of [...web, ...job]) expect(f).toMatchObject({ mode: '0755', checker: 'shell', service: { action: 'none' } });
  });

  it('keeps the seeds’ chkconfig headers and adds an LSB INIT INFO block', () => {
    const tomcat = fileOf(web, 's1', '/etc/init.d/tomcat').content.split('\n');
    const hoge = fileOf(job, 'node1', '/etc/init.d/hoge').content.split('\n');
    for (const line of seedTomcatHeader) expect(tomcat).toContain(line);
    for (const line of seedHogeHeader) expect(hoge).toContain(line);
    for (const lines of [tomcat, hoge]) {
      expect(lines).toContain('### BEGIN INIT INFO');
      expect(lines).toContain('### END INIT INFO');
    }
  });

  it('sources the platform’s init functions', async () => {
    expect(fileOf(web, 's1', '/etc/init.d/tomcat').content).toContain('\n. /etc/init.d/functions\n');
    const debian = render(await modelOf({ ...(await stackInput('001-web-pacemaker-heartbeat')), platform: 'debian12' }), lsbRenderer);
    expect(fileOf(debian, 's1', '/etc/init.d/tomcat').content).toContain('\n. /lib/lsb/init-functions\n');
  });

  it('runs Tomcat as the stack’s user with its JAVA_HOME', () => {
    const text = fileOf(web, 's2', '/etc/init.d/tomcat').content;
    expect(text).toContain("TOMCAT_USER='tomcat'\nCATALINA_HOME='/usr/local/tomcat'\nJAVA_HOME='/usr'\n");
    expect(text).toContain('daemon --user "$TOMCAT_USER" "$@"');
  });

  it('renders the same bytes twice', async () => {
    expect(render(await modelOf(await stackInput('004-job-corosync-pacemaker')), lsbRenderer)).toEqual(job);
  });
});

describe('the periodic-job script (seed 004) answers with LSB exit codes', async () => {
  const dir = join(scratch, 'job');
  mkdirSync(dir);
  const input = await stackInput('004-job-corosync-pacemaker');
  const resources = [{ ...input.resources![0]!, exec: { start: `echo start >> ${dir}/log`, stop: `echo stop >> ${dir}/log`, status: `echo run >> ${dir}/log`, initScript: true } }];
  const model = await modelOf({ ...input, platform: 'debian12', pacemaker: { messaging: 'corosync' }, resources });
  const script = join(dir, 'hoge');
  writeFileSync(script, fileOf(render(model, lsbRenderer), 'node1', '/etc/init.d/hoge').content.replace("marker='/run/lock/hoge'", `marker='${dir}/marker'`));
  const log = () => (existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').split('\n').filter(Boolean) : []);

  it('reports 3 while stopped and never runs the job then', () => {
    expect(run(script, 'status').code).toBe(3);
    expect(log()).toEqual([]);
  });

  it('starts (0), runs the job on every status (0), and starts again without running start twice', () => {
    expect(run(script, 'start').code).toBe(0);
    expect(run(script, 'status').code).toBe(0);
    expect(run(script, 'status').code).toBe(0);
    expect(run(script, 'start').code).toBe(0);
    expect(log()).toEqual(['start', 'run', 'run']);
  });

  it('stops (0), then reports 3, and a second stop still succeeds', () => {
    expect(run(script, 'stop').code).toBe(0);
    expect(run(script, 'status').code).toBe(3);
    expect(run(script, 'stop').code).toBe(0);
  });

  it('rejects an unknown action with 2', () => {
    expect(run(script, 'frobnicate')).toMatchObject({ code: 2 });
  });
});

describe('a stack command in the periodic-job script', async () => {
  const dir = join(scratch, 'brace');
  mkdirSync(dir);
  const input = await stackInput('004-job-corosync-pacemaker');
  // a } in a command must not end job_stop and leave the rest to run whenever the script is read
  const stop = `rm -f ${dir}/job; }; echo loaded >> ${dir}/log; f() { :`;
  const resources = [{ ...input.resources![0]!, exec: { start: 'true', stop, status: 'true', initScript: true } }];
  const model = await modelOf({ ...input, platform: 'debian12', pacemaker: { messaging: 'corosync' }, resources });
  const script = join(dir, 'hoge');
  writeFileSync(script, fileOf(render(model, lsbRenderer), 'node1', '/etc/init.d/hoge').content.replace("marker='/run/lock/hoge'", `marker='${dir}/marker'`));

  it('runs only in its own action, never when another action loads the script', () => {
    expect(run(script, 'status').code).toBe(3);
    expect(existsSync(join(dir, 'log'))).toBe(false);
  });
});

const tomcatGap = missing({ root: true, tools: ['runuser', 'pgrep', 'bash'] });

describe.skipIf(tomcatGap)('the Tomcat script (seed 001) against a stand-in Tomcat', async () => {
  const home = join(scratch, 'tomcat');
  mkdirSync(join(home, 'bin'), { recursive: true });
  chmodSync(scratch, 0o755);
  // startup.sh leaves a process that looks like Tomcat's JVM to pgrep; the scratch path keeps it ours
  writeFileSync(join(home, 'bin', 'startup.sh'), `#!/bin/bash\n(exec -a "java -Dcatalina.base=${home} org.apache.catalina.startup.Bootstrap start" sleep 300) >/dev/null 2>&1 &\n`, { mode: 0o755 });
  writeFileSync(join(home, 'bin', 'shutdown.sh'), `#!/bin/bash\npkill -f "catalina.base=${home} org.apache"\n`, { mode: 0o755 });
  const input = await stackInput('001-web-pacemaker-heartbeat');
  const resources = input.resources!.map((r) =>
    'group' in r && r.group === 'webapp'
      ? { ...r, members: r.members.map((m) => ('tomcat' in m ? { ...m, tomcat: { ...m.tomcat, user: 'nobody', catalinaHome: home } } : m)) }
      : r,
  );
  const model = await modelOf({ ...input, platform: 'debian12', resources });
  const script = join(scratch, 'tomcat.init');
  writeFileSync(script, fileOf(render(model, lsbRenderer), 's1', '/etc/init.d/tomcat').content.replace("lockfile='/run/lock/tomcat'", `lockfile='${scratch}/tomcat.lock'`));
  const running = () => spawnSync('pgrep', ['-f', `catalina.base=${home}`]).status === 0;

  it('reports 3 when Tomcat is not running, and stopping it then succeeds', () => {
    expect(run(script, 'status', 'bash')).toMatchObject({ code: 3 });
    expect(run(script, 'stop', 'bash').code).toBe(0);
  });

  it('starts Tomcat as its user (0), reports 0, and a second start succeeds without a second JVM', () => {
    expect(run(script, 'start', 'bash').code).toBe(0);
    expect(running()).toBe(true);
    expect(execFileSync('pgrep', ['-u', 'nobody', '-f', `catalina.base=${home}`], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(1);
    expect(run(script, 'status', 'bash').code).toBe(0);
    expect(run(script, 'start', 'bash').code).toBe(0);
    expect(execFileSync('pgrep', ['-f', `catalina.base=${home}`], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(1);
  });

  it('stops it (0) and then reports 3', () => {
    expect(run(script, 'stop', 'bash').code).toBe(0);
    expect(running()).toBe(false);
    expect(run(script, 'status', 'bash').code).toBe(3);
  });
});
