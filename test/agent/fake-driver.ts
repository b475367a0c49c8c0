import type { AgentResource } from '../../src/agent/config/index.js';
import { OpFailure, type MonitorResult, type ResourceDriver } from '../../src/agent/resources/driver.js';

/** In-memory resources: the test flips `running` to simulate a crash, or arms failures. */
export class FakeResources {
  readonly calls: string[] = [];
  readonly running = new Map<string, boolean>();
  readonly failStart = new Set<string>();
  readonly failStop = new Set<string>();
  delayMs = 0;

  driverFor = (res: AgentResource): ResourceDriver => {
    const id = res.id;
    const wait = () => (this.delayMs ? new Promise((r) => setTimeout(r, this.delayMs)) : Promise.resolve());
    return {
      start: async () => {
        this.calls.push(`start ${id}`);
        await wait();
        if (this.failStart.has(id)) throw new OpFailure(`${id} refuses to start`);
        this.running.set(id, true);
      },
      stop: async () => {
        this.calls.push(`stop ${id}`);
        await wait();
        if (this.failStop.has(id)) throw new OpFailure(`${id} refuses to stop`);
        this.running.set(id, false);
      },
      monitor: async (): Promise<MonitorResult> => (this.running.get(id) ? { state: 'running' } : { state: 'stopped' }),
    };
  };
}

export async function until(cond: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
