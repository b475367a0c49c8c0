import { describe, expect, it } from 'vitest';
import type { AgentGroup } from '../../src/agent/config/index.js';
import { silentLogger } from '../../src/agent/log/logger.js';
import { FailCounts } from '../../src/agent/manager/failcounts.js';
import { GroupRunner, type FailureEvent } from '../../src/agent/manager/group-runner.js';
import type { GroupRunState } from '../../src/agent/protocol/report.js';
import { FakeResources, until } from './fake-driver.js';
import { twoNodeConfig } from './helpers.js';

function group(patch: Record<string, unknown> = {}, onFail = 'restart'): AgentGroup {
  const ops = { monitor: { intervalMs: 20, onFail } };
  return twoNodeConfig({
    groups: [
      {
        name: 'web',
        members: [
          { id: 'vip', class: 'exec', start: 'true', ops },
          { id: 'svc', class: 'exec', start: 'true', ops },
        ],
        ...patch,
      },
    ],
  }).groups[0]!;
}

function setup(g: AgentGroup) {
  const fake = new FakeResources();
  const transitions: string[] = [];
  const failures: FailureEvent[] = [];
  const runner = new GroupRunner(
    g,
    { cluster: 'test', node: 'sv1', runDir: '/tmp', log: silentLogger() },
    new FailCounts(),
    {
      onState: (_g, from: GroupRunState, to: GroupRunState) => transitions.push(`${from}->${to}`),
      onFailure: (e) => failures.push(e),
      onChange: () => {},
    },
    fake.driverFor,
  );
  return { fake, runner, transitions, failures };
}

describe('group runner', () => {
  it('starts members in order and stops them in reverse', async () => {
    const { fake, runner, transitions } = setup(group());
    runner.want('started');
    await until(() => runner.state === 'running');
    runner.want('stopped');
    await until(() => runner.state === 'stopped');
    expect(fake.calls).toEqual(['start vip', 'start svc', 'stop svc', 'stop vip']);
    expect(transitions).toEqual(['stopped->starting', 'starting->running', 'running->stopping', 'stopping->stopped']);
    runner.close();
  });

  it('restarts a failed member (and those after it) while below the migration threshold', async () => {
    const { fake, runner, failures } = setup(group({ migrationThreshold: 3 }));
    runner.want('started');
    await until(() => runner.state === 'running');
    fake.calls.length = 0;
    fake.running.set('vip', false);
    await until(() => fake.calls.length === 4 && runner.state === 'running');
    expect(fake.calls).toEqual(['stop svc', 'stop vip', 'start vip', 'start svc']);
    expect(failures).toMatchObject([{ resource: 'vip', op: 'monitor', count: 1, onFail: 'restart' }]);
    expect(runner.report()).toEqual({ state: 'running', banned: false });
    runner.close();
  });

  it('is banned from the node once the migration threshold is reached, and cleanup lifts the ban', async () => {
    const { fake, runner } = setup(group({ migrationThreshold: 2 }));
    runner.want('started');
    for (let i = 1; i <= 2; i++) {
      await until(() => runner.state === 'running' && fake.running.get('svc') === true);
      fake.running.set('svc', false);
      await until(() => runner.report().banned === (i === 2) && (i === 2 ? runner.state === 'stopped' : true), 3000, `failure ${i}`);
    }
    expect(runner.report()).toEqual({ state: 'stopped', banned: true });
    await runner.cleanup('svc');
    expect(runner.report().banned).toBe(false);
    runner.close();
  });

  it('forgets failures after failure-timeout', async () => {
    const { fake, runner } = setup(group({ migrationThreshold: 1, failureTimeoutMs: 60 }));
    runner.want('started');
    await until(() => runner.state === 'running');
    fake.running.set('svc', false);
    await until(() => runner.report().banned);
    await until(() => !runner.report().banned, 2000, 'expiry');
    runner.close();
  });

  it('treats a start failure as fatal on this node and stops what it started', async () => {
    const { fake, runner, failures } = setup(group());
    fake.failStart.add('svc');
    runner.want('started');
    await until(() => runner.state === 'stopped' && failures.length === 1);
    expect(fake.calls).toEqual(['start vip', 'start svc', 'stop svc', 'stop vip']);
    expect(runner.report()).toEqual({ state: 'stopped', banned: true });
    runner.close();
  });

  it('blocks on on-fail=block and holds the group until cleanup', async () => {
    const { fake, runner } = setup(group({}, 'block'));
    runner.want('started');
    await until(() => runner.state === 'running');
    fake.running.set('svc', false);
    await until(() => runner.state === 'blocked');
    runner.want('stopped');
    await new Promise((r) => setTimeout(r, 50));
    expect(runner.state).toBe('blocked');
    fake.running.set('svc', true);
    await runner.cleanup();
    await until(() => runner.state === 'stopped');
    expect(fake.running.get('svc')).toBe(false);
    runner.close();
  });

  it('reports an unclean stop as failed so no other node starts the group', async () => {
    const { fake, runner } = setup(group());
    runner.want('started');
    await until(() => runner.state === 'running');
    fake.failStop.add('svc');
    runner.want('stopped');
    await until(() => runner.state === 'failed');
    expect(fake.calls.slice(-1)).toEqual(['stop svc']);
    runner.close();
  });

  it('finds resources left running by a previous agent and reports them as stopping', async () => {
    const { fake, runner } = setup(group());
    fake.running.set('vip', true);
    await runner.probe();
    expect(runner.state).toBe('stopping');
    runner.want('stopped');
    await until(() => runner.state === 'stopped');
    expect(fake.calls).toEqual(['stop vip']);
    runner.close();
  });
});
