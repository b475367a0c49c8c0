import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterModel } from '../../src/model/model.js';
import type { RenderedFile } from '../../src/render/artifact.js';
import { localTransport } from '../../src/transport/local/local-transport.js';
import type { Transport } from '../../src/transport/transport.js';
import type { ServiceController, ServiceRequest } from '../../src/apply/services.js';

/** Each node is a directory; owners become the current user so the tests run without root too. Checks run with this host's tools. */
export function localNodes(model: ClusterModel, opts: { nodeTools?: boolean } = {}): { root: string; transports: Map<string, Transport>; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'hactl-apply-'));
  const nodeTools = opts.nodeTools ?? true;
  const transports = new Map(model.nodes.map((n) => [n.name, localTransport({ node: n.name, root: join(root, n.name), nodeTools })]));
  return { root, transports, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export const currentOwner = (): string =>
  `${execFileSync('id', ['-un'], { encoding: 'utf8' }).trim()}:${execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim()}`;

export const ownedBy = (files: RenderedFile[], owner: string): RenderedFile[] => files.map((f) => ({ ...f, owner }));

/** A service controller that records what it was asked, in order, and runs a real command on the node. */
export function recordingServices(): { controller: ServiceController; calls: Omit<ServiceRequest, 'transport' | 'platform'>[] } {
  const calls: Omit<ServiceRequest, 'transport' | 'platform'>[] = [];
  return {
    calls,
    controller: {
      async run({ node, service, action, transport }) {
        calls.push({ node, service, action });
        const log = transport.commandPath('/run/hactl-test-services.log');
        await transport.exec(`mkdir -p "$(dirname '${log}')" && echo '${action} ${service}' >> '${log}'`);
      },
    },
  };
}
