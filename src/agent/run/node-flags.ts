/**
 * Node flags for the agent process, measured on a loaded 2-vCPU host at 10 ms heartbeats:
 * --single-threaded-gc: the (realtime) main thread never waits for GC helper threads starved by other load
 *   (event-loop stalls went from ~50 ms to ~13 ms);
 * --no-memory-reducer: no idle-time full GCs (up to 19 ms pauses);
 * --lite-mode and a 1 MB semi-space: about 10 MB less RSS, at some CPU cost. Set MALLOC_ARENA_MAX=1 too.
 */
export const AGENT_NODE_FLAGS = ['--single-threaded-gc', '--no-memory-reducer', '--lite-mode', '--max-semi-space-size=1'] as const;
export const AGENT_ENV = { MALLOC_ARENA_MAX: '1' } as const;
