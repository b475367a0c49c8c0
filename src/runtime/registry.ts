import type { RuntimeName } from '../model/model.js';
import { agentRuntime } from './agent/index.js';
import { heartbeatRuntime } from './heartbeat/index.js';
import { keepalivedRuntime } from './keepalived/index.js';
import { pacemakerRuntime } from './pacemaker/index.js';
import type { Runtime } from './runtime.js';

/** Every runtime hactl runs and drives; a runtime name without an entry here does not compile. */
export const runtimes: { readonly [R in RuntimeName]: Runtime } = {
  agent: agentRuntime,
  keepalived: keepalivedRuntime,
  heartbeat: heartbeatRuntime,
  pacemaker: pacemakerRuntime,
};

export function runtimeOf(name: RuntimeName): Runtime {
  return runtimes[name];
}
