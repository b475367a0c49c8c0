import { createServer, type Server } from 'node:http';
import { HactlError } from '../../diagnostics/index.js';
import { formatListen, type ListenAddress } from './listen.js';

export interface MetricsServer {
  /** where it listens, as HOST:PORT (the port the kernel chose when 0 was asked for) */
  address: string;
  close(): Promise<void>;
}

/** Answers GET /metrics with what `render` returns (Prometheus text format), and nothing else. */
export async function serveMetrics(listen: ListenAddress, render: () => Promise<{ body: string; contentType: string }>): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || (path !== '/metrics' && path !== '/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: metrics are at /metrics\n');
      return;
    }
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<a href="/metrics">metrics</a>\n');
      return;
    }
    render().then(
      ({ body, contentType }) => res.writeHead(200, { 'content-type': contentType }).end(body),
      (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${(err as Error).message}\n`),
    );
  });
  await listenOn(server, listen);
  const a = server.address();
  const port = typeof a === 'object' && a ? a.port : listen.port;
  return { address: formatListen({ host: listen.host, port }), close: () => new Promise((r) => server.close(() => r())) };
}

/** Binds, turning "address in use" and "not on this machine" into hactl errors. */
export function listenOn(server: Server, { host, port }: ListenAddress): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) =>
      reject(new HactlError('observe-listen-failed', `cannot listen on ${formatListen({ host, port })}: ${err.code ?? err.message}`));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
