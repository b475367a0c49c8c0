import type { ApplyEvent } from '../../apply/events.js';
import type { Diagnostic } from '../../diagnostics/index.js';
import type { VagrantProgressEvent } from './progress.js';

export type VagrantPhase = 'validate' | 'preflight' | 'machines' | 'connect' | 'packages' | 'apply' | 'drbd' | 'services' | 'cluster';

/** What vagrantUp reports while it runs; the CLI draws them, the library never prints. */
export type VagrantUpEvent =
  | { type: 'phase-start'; phase: VagrantPhase }
  | { type: 'phase-done'; phase: VagrantPhase; ms: number }
  | { type: 'warning'; issue: Diagnostic }
  | { type: 'apply'; event: ApplyEvent }
  | VagrantProgressEvent;

export type VagrantEventHandler = (event: VagrantUpEvent) => void;

/** Runs one phase between start and done events, returning its result. */
export async function phase<T>(emit: VagrantEventHandler, name: VagrantPhase, timings: Partial<Record<VagrantPhase, number>>, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  emit({ type: 'phase-start', phase: name });
  const result = await work();
  const ms = performance.now() - started;
  timings[name] = ms;
  emit({ type: 'phase-done', phase: name, ms });
  return result;
}
