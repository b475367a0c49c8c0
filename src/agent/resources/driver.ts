import type { AgentLogger } from '../log/logger.js';

export interface OpContext {
  timeoutMs: number;
  /** Aborted when the result no longer matters (the group is being stopped); long waits should give up. */
  signal?: AbortSignal;
  /** Monitor interval, for OCF_RESKEY_CRM_meta_interval. */
  intervalMs?: number;
}

export type MonitorResult =
  | { state: 'running' }
  | { state: 'stopped'; detail?: string }
  | { state: 'failed'; detail: string };

/** What a resource class implements; start/stop throw OpFailure, monitor reports. */
export interface ResourceDriver {
  /** Checks only (http, tcp, memcached): a probe never finds one "left running". */
  monitorOnly?: boolean;
  start(ctx: OpContext): Promise<void>;
  stop(ctx: OpContext): Promise<void>;
  monitor(ctx: OpContext): Promise<MonitorResult>;
  /** Tells the network again where the resource lives (gratuitous ARP), e.g. after a split brain healed. */
  announce?(): void;
  /** Releases helpers the driver keeps ready (agent shutdown); resources are left as they are. */
  close?(): void;
}

export interface DriverEnv {
  cluster: string;
  node: string;
  runDir: string;
  log: AgentLogger;
}

export class OpFailure extends Error {
  constructor(
    message: string,
    readonly rc?: number | null,
  ) {
    super(message);
    this.name = 'OpFailure';
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new OpFailure(`${what} timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
