import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ProbeAnswer {
  /** wall-clock ms (performance.timeOrigin + now) when the VIP answered */
  at: number;
  /** wall-clock ms when the connection attempt that got this answer started */
  sent: number;
  /** link-layer address that answered for the VIP, from the client's ARP table */
  mac?: string;
  /** first line the service sent, if it sent one (the quickstart service sends its hostname) */
  text?: string;
  /** the TCP connection was accepted (a service listens), rather than refused by whoever holds the VIP */
  connected: boolean;
  /**
   * the service sent bytes back, closed the connection itself, or held it open 50 ms (memcached closes on an HTTP
   * request without a word): the kernel also accepts connections for a service being killed, which it resets
   */
  replied: boolean;
}

export interface VipProbe {
  /** resolves with the first answer for which `accept` is true, or undefined after timeoutMs */
  next(accept: (a: ProbeAnswer) => boolean, timeoutMs: number): Promise<ProbeAnswer | undefined>;
  stop(): void;
}

// Runs inside the client namespace. It speaks just enough HTTP for services that answer with their hostname; a refused
// connection counts as an answer too: whoever holds the VIP sent the RST, and the ARP table says who that was.
const PROBE_SOURCE = `
const net = require('node:net'); const fs = require('node:fs');
const [vip, port, interval] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
const now = () => performance.timeOrigin + performance.now();
const macOf = () => { for (const l of fs.readFileSync('/proc/net/arp', 'utf8').split('\\n')) { const f = l.split(/\\s+/); if (f[0] === vip && f[2] === '0x2') return f[3]; } };
const emit = (sent, text, connected, replied) => process.stdout.write(JSON.stringify({ at: now(), sent, mac: macOf(), text, connected, replied }) + '\\n');
function tick() {
  const started = now(); let done = false; let text = ''; let connected = false; let replied = false;
  const finish = (answered) => { if (done) return; done = true; s.destroy(); if (answered) emit(started, text.split('\\n')[0] || undefined, connected, replied); setTimeout(tick, Math.max(0, interval - (now() - started))); };
  const s = net.connect({ host: vip, port, timeout: Math.max(interval * 5, 50) });
  s.on('data', (d) => { text += d; replied = true; });
  s.on('end', () => { replied = true; const body = text.includes('\\r\\n\\r\\n') ? text.slice(text.indexOf('\\r\\n\\r\\n') + 4) : text; text = body; finish(true); });
  s.on('connect', () => { connected = true; s.setTimeout(0); s.write('GET / HTTP/1.0\\r\\n\\r\\n'); setTimeout(() => { replied = true; finish(true); }, 50); });
  s.on('error', (e) => finish(e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET'));
  s.on('timeout', () => finish(false));
}
tick();
setTimeout(() => process.exit(0), Number(process.argv[4]));
`;

/** Polls TCP on the VIP every intervalMs (bounded by maxMs), from where a client sits (`client`: an argv prefix, e.g. into the lab's client namespace). */
export function startVipProbe(client: readonly string[], vip: string, port: number, intervalMs = 10, maxMs = 120_000): VipProbe {
  const [file = process.execPath, ...args] = [...client, process.execPath];
  const child = spawn(file, [...args, '-e', PROBE_SOURCE, vip, String(port), String(intervalMs), String(maxMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const answers: ProbeAnswer[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout }).on('line', (line) => {
    answers.push(JSON.parse(line) as ProbeAnswer);
    for (const wake of waiters) wake();
  });
  let cursor = 0;
  return {
    next(accept, timeoutMs) {
      return new Promise((resolve) => {
        const check = () => {
          while (cursor < answers.length) {
            const answer = answers[cursor++]!;
            if (accept(answer)) return finish(answer);
          }
        };
        const finish = (a: ProbeAnswer | undefined) => {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(a);
        };
        const timer = setTimeout(() => finish(undefined), timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop() {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
