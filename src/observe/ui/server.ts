import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { HactlError } from '../../diagnostics/index.js';
import { packageRoot } from '../../package-root.js';
import type { ProviderName } from '../../provider/provider.js';
import { topologyOf } from '../graph/topology.js';
import { topologySvg } from '../graph/svg.js';
import type { ActionRecord } from '../history/history.js';
import { formatListen, type ListenAddress } from '../metrics/listen.js';
import { listenOn } from '../metrics/serve.js';
import { ClusterWatch, type WatchState } from '../watch.js';
import { parseAction, runAction } from './actions.js';
import { actionAllowed, admitted, uiAccess, type UiAccess } from './auth.js';
import { pageHtml } from './page.js';

export interface UiOptions {
  provider?: ProviderName;
  listen: ListenAddress;
  token?: string;
  allowActions?: boolean;
  historyFile: string;
  intervalMs?: number;
  /** every action taken from the page, done or refused (the CLI prints it: the operator's log) */
  onAction?: (record: ActionRecord) => void;
}

export interface RunningUi {
  url: string;
  close(): Promise<void>;
}

const ASSETS: Record<string, string> = { 'app.js': 'text/javascript; charset=utf-8', 'app.css': 'text/css; charset=utf-8' };
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
/** the page shows this many timeline events; the watch keeps more */
const SHOWN = 200;

/** The page's script and style, built into dist/ui with the package (scripts/bundle-cli.mjs). */
export function assetDir(): string {
  return join(packageRoot(), 'dist', 'ui');
}

function snapshot(watch: ClusterWatch, state: WatchState, allowActions: boolean): string {
  const { model, session } = watch.cluster;
  return JSON.stringify({
    cluster: model.cluster, runtime: model.runtime, where: session.where, allowActions,
    nodes: model.nodes.map((n) => n.name), status: state.status ?? null, error: state.error ?? null, at: state.at,
    timeline: state.timeline.slice(-SHOWN),
  });
}

async function readBody(req: IncomingMessage, limit = 4096): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > limit) throw new HactlError('observe-bad-request', 'request body too large');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HactlError('observe-bad-request', 'the request body is not JSON');
  }
}

/**
 * `hactl ui STACK`: a local page that shows the cluster live (topology, groups, links, timeline) through the runtime
 * layer, for every runtime and provider. Read-only unless allowActions; bound to loopback unless given a token.
 */
export async function startUi(stack: string, options: UiOptions): Promise<RunningUi> {
  const access: UiAccess = uiAccess(options.listen, options.token);
  const allowActions = options.allowActions ?? false;
  const watch = await ClusterWatch.open(stack, { ...(options.provider ? { provider: options.provider } : {}), intervalMs: options.intervalMs ?? 1000, historyFile: options.historyFile });
  const page = pageHtml({
    cluster: watch.cluster.model.cluster, runtime: watch.cluster.model.runtime, where: watch.cluster.session.where,
    csrf: access.csrf, allowActions, svg: topologySvg(topologyOf(watch.cluster.model)),
  });
  const streams = new Set<ServerResponse>();
  let last = '';
  watch.onChange((state) => {
    const json = snapshot(watch, state, allowActions);
    if (json === last) return;
    last = json;
    for (const res of streams) res.write(`event: state\ndata: ${json}\n\n`);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://hactl.invalid');
    const gate = admitted(access, req, url);
    if (!gate.ok) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden\n');
      return;
    }
    const headers = { ...SECURITY_HEADERS, ...(gate.setCookie ? { 'set-cookie': gate.setCookie } : {}) };
    const asset = url.pathname.startsWith('/assets/') ? url.pathname.slice('/assets/'.length) : undefined;
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (req.method === 'GET' && asset && Object.hasOwn(ASSETS, asset)) {
      res.writeHead(200, { ...headers, 'content-type': ASSETS[asset]! }).end(await readFile(join(assetDir(), asset)));
    } else if (req.method === 'GET' && url.pathname === '/api/state') {
      res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(snapshot(watch, watch.latest(), allowActions));
    } else if (req.method === 'GET' && url.pathname === '/events') {
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      res.write(`retry: 1000\nevent: state\ndata: ${snapshot(watch, watch.latest(), allowActions)}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
    } else if (req.method === 'POST' && url.pathname === '/api/action') {
      if (!allowActions) throw new HactlError('observe-actions-off', 'this web view is read-only');
      if (!actionAllowed(access, req)) {
        res.writeHead(403, { ...headers, 'content-type': 'text/plain' }).end('forbidden: actions only from the page itself\n');
        return;
      }
      const record = await runAction(watch, stack, options.historyFile, parseAction(await readBody(req)));
      options.onAction?.(record);
      res.writeHead(record.ok ? 200 : 409, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(record));
    } else {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found\n');
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HactlError && err.code === 'observe-actions-off' ? 403 : err instanceof HactlError ? 400 : 500;
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: (err as Error).message, ...(err instanceof HactlError ? { code: err.code } : {}) }));
    });
  });
  try {
    await watch.start();
    await listenOn(server, options.listen);
  } catch (err) {
    await watch.stop();
    throw err;
  }
  const a = server.address();
  const bound = { host: options.listen.host, port: typeof a === 'object' && a ? a.port : options.listen.port };
  return {
    url: `http://${formatListen(bound)}/`,
    close: async () => {
      for (const res of streams) res.end();
      await new Promise<void>((r) => server.close(() => r()));
      await watch.stop();
    },
  };
}
