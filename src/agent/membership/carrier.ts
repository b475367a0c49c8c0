import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const LINE = /^(?:\[[^\]]*\]\s*)?(Deleted\s+)?\d+:\s+([^:@\s]+)(?:@[^:\s]+)?:\s+<([^>]*)>.*?\bstate\s+(\S+)/;

/** Parses one `ip -o link` / `ip -o monitor link` line; undefined for anything else. */
export function parseLinkLine(line: string): { iface: string; up: boolean } | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  const flags = m[3]!.split(',');
  const up = !m[1] && flags.includes('UP') && (m[4] === 'UP' || m[4] === 'UNKNOWN');
  return { iface: m[2]!, up };
}

/**
 * Carrier of the heartbeat interfaces, pushed by one long-running `ip -o monitor link` (no polling): a node
 * whose every heartbeat NIC lost carrier knows it is the isolated side, which its peers cannot tell.
 */
export class CarrierMonitor {
  private readonly state = new Map<string, boolean>();
  private monitor?: ChildProcess;
  private stopped = false;

  constructor(
    private readonly ifaces: readonly string[],
    private readonly onChange: (iface: string, up: boolean) => void,
    private readonly onError: (message: string) => void,
  ) {}

  async start(): Promise<void> {
    if (this.ifaces.length === 0) return;
    this.monitor = this.run(['ip', '-o', 'monitor', 'link'], true);
    // The snapshot comes after the monitor is listening, so no change falls in between.
    await new Promise<void>((resolve) => {
      const snap = this.run(['ip', '-o', 'link', 'show'], false);
      snap.on('close', () => resolve());
      snap.on('error', () => resolve());
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.monitor?.exitCode === null) this.monitor.kill('SIGTERM');
  }

  /** true/false once known; undefined for an interface never reported. */
  isUp(iface: string): boolean | undefined {
    return this.state.get(iface);
  }

  /** Every watched interface is known to be without carrier. */
  allDown(): boolean {
    return this.ifaces.length > 0 && this.ifaces.every((i) => this.state.get(i) === false);
  }

  private run(argv: string[], long: boolean): ChildProcess {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, LC_ALL: 'C' } });
    createInterface({ input: child.stdout! }).on('line', (line) => this.line(line));
    child.on('error', (err) => this.onError(`${argv.join(' ')}: ${err.message}`));
    if (long) child.on('close', (code) => {
      if (!this.stopped) this.onError(`ip monitor exited (${code ?? 'signal'}); carrier changes are no longer seen`);
    });
    return child;
  }

  private line(text: string): void {
    const l = parseLinkLine(text);
    if (!l || !this.ifaces.includes(l.iface)) return;
    if (this.state.get(l.iface) === l.up) return;
    this.state.set(l.iface, l.up);
    this.onChange(l.iface, l.up);
  }
}
