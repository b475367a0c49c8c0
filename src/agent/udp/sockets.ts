import { createSocket, type Socket } from 'node:dgram';
import type { AgentConfig, AgentLink } from '../config/index.js';
import { directedBroadcast, localAddress, ucastDestinations, type InterfaceTable } from './address.js';

export interface LinkEndpointInfo {
  link: string;
  mode: AgentLink['mode'];
  local: string;
  port: number;
  destinations: string[];
}

export interface Transport {
  readonly links: readonly LinkEndpointInfo[];
  /** Sends one datagram on every link to every destination; never throws. */
  send(buf: Buffer): void;
  close(): Promise<void>;
}

export interface TransportOptions {
  config: AgentConfig;
  node: string;
  onMessage(buf: Buffer, link: string): void;
  /** Send/receive errors (e.g. ENETUNREACH while a link is down); called at most once per second per link. */
  onError?(link: string, err: Error): void;
  interfaces?: InterfaceTable;
}

interface Endpoint {
  info: LinkEndpointInfo;
  tx: Socket;
  rx: Socket;
  onSendError(err: Error | null): void;
}

/**
 * One socket pair per link, bound to the link's local address (Node cannot set SO_BINDTODEVICE, so the address
 * selects the interface; multicast membership and IP_MULTICAST_IF use it too).
 */
export async function openTransport(opts: TransportOptions): Promise<Transport> {
  const endpoints: Endpoint[] = [];
  try {
    for (const link of opts.config.links) endpoints.push(await openLink(opts, link));
  } catch (err) {
    await Promise.all(endpoints.map(closeEndpoint));
    throw err;
  }
  return {
    links: endpoints.map((e) => e.info),
    send(buf) {
      for (const e of endpoints) {
        for (const dest of e.info.destinations) e.tx.send(buf, e.info.port, dest, e.onSendError);
      }
    },
    async close() {
      await Promise.all(endpoints.map(closeEndpoint));
    },
  };
}

async function openLink(opts: TransportOptions, link: AgentLink): Promise<Endpoint> {
  const local = localAddress(opts.config, opts.node, link, opts.interfaces);
  const type = local.family === 4 ? 'udp4' : 'udp6';
  let lastError = 0;
  const report = (err: Error): void => {
    const now = Date.now();
    if (now - lastError < 1000) return;
    lastError = now;
    opts.onError?.(link.name, err);
  };
  const onMessage = (buf: Buffer): void => opts.onMessage(buf, link.name);
  let destinations: string[];
  let rx: Socket;
  let tx: Socket;
  if (link.mode === 'ucast') {
    destinations = ucastDestinations(opts.config, opts.node, link, local.ip);
    rx = await bind(createSocket({ type, reuseAddr: true }), link.port, local.ip);
    tx = rx;
  } else if (link.mode === 'bcast') {
    const dest = link.broadcast ?? (local.prefix !== undefined && local.family === 4 ? directedBroadcast(local.ip, local.prefix) : '255.255.255.255');
    destinations = [dest];
    rx = await bind(createSocket({ type, reuseAddr: true }), link.port, dest === '255.255.255.255' ? '0.0.0.0' : dest);
    tx = await bind(createSocket({ type, reuseAddr: true }), 0, local.ip);
    tx.setBroadcast(true);
  } else {
    const group = link.group!;
    destinations = [group];
    rx = await bind(createSocket({ type, reuseAddr: true }), link.port, group);
    rx.addMembership(group, local.ip);
    tx = await bind(createSocket({ type, reuseAddr: true }), 0, local.ip);
    tx.setMulticastInterface(local.ip);
    tx.setMulticastTTL(link.ttl);
    tx.setMulticastLoopback(false);
  }
  rx.on('message', onMessage);
  rx.on('error', report);
  if (tx !== rx) tx.on('error', report);
  return {
    info: { link: link.name, mode: link.mode, local: local.ip, port: link.port, destinations },
    rx,
    tx,
    onSendError: (err) => {
      if (err) report(err);
    },
  };
}

function bind(socket: Socket, port: number, address: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => {
      socket.close();
      reject(new Error(`cannot bind UDP ${address}:${port}: ${err.message}`));
    };
    socket.once('error', onError);
    socket.bind({ port, address, exclusive: true }, () => {
      socket.off('error', onError);
      resolve(socket);
    });
  });
}

function closeEndpoint(e: Endpoint): Promise<void> {
  const close = (s: Socket): Promise<void> => new Promise((resolve) => {
    try {
      s.close(() => resolve());
    } catch {
      resolve();
    }
  });
  return Promise.all([close(e.rx), e.tx === e.rx ? Promise.resolve() : close(e.tx)]).then(() => undefined);
}
