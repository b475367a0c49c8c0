import { execa, type ResultPromise } from 'execa';
import { freePort } from '../support/free-port.js';

export interface Serving {
  /** where the command said it serves (the metrics URL, the page URL) */
  url: string;
  child: ResultPromise;
}

/**
 * Starts a long-running command of the built CLI (`exporter`, `ui`) on a free loopback port and resolves once its
 * stderr names the URL it serves; rejects with that stderr if it exits first.
 */
async function serve(args: (port: number) => string[], url: RegExp, env?: Record<string, string>): Promise<Serving> {
  const port = await freePort();
  const child = execa('node', ['dist/cli/hactl.js', ...args(port)], { reject: false, ...(env ? { env } : {}) });
  const found = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      text += String(chunk);
      const m = url.exec(text);
      if (m) resolve(m[1]!);
    });
    void child.then((r) => reject(new Error(`hactl ${args(port)[0]} exited ${r.exitCode}: ${text}`)));
  });
  return { url: found, child };
}

/** `hactl exporter STACK` reading the status every second, with a scraper of its /metrics. */
export async function startExporter(stack: string, env?: Record<string, string>): Promise<Serving & { scrape: () => Promise<string> }> {
  const s = await serve((port) => ['exporter', stack, '--listen', String(port), '--interval', '1'], /at (http:\/\/127\.0\.0\.1:\d+\/metrics)/, env);
  return { ...s, scrape: async () => (await fetch(s.url)).text() };
}

/** `hactl ui STACK --lab`, following the history file given. */
export async function startUi(stack: string, history: string, ...extra: string[]): Promise<Serving> {
  return serve((port) => ['ui', stack, '--lab', '--listen', `127.0.0.1:${port}`, '--history', history, ...extra], /at (http:\/\/\S+\/)/);
}

/** Stops what `startExporter` / `startUi` started and waits for it to exit. */
export async function stopServing(...servers: (Serving | undefined)[]): Promise<void> {
  for (const s of servers) s?.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s?.child));
}
