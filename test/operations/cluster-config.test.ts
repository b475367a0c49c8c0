import { afterEach, describe, expect, it } from 'vitest';
import { applyStack } from '../../src/apply/apply.js';
import type { ApplyEvent } from '../../src/apply/events.js';
import type { ClusterModel } from '../../src/model/model.js';
import { serviceOwnership } from '../../src/operations/cluster-config.js';
import { renderValidated } from '../../src/pipeline/render-validated.js';
import type { RenderedFile } from '../../src/render/artifact.js';
import { currentOwner, localNodes, ownedBy, recordingServices } from '../apply/local-nodes.js';

const env = { ...process.env, HACTL_AUTHKEY: 'k3y-for-tests', HACTL_VRRP_PASS: 'Vr9pAss7' };

async function rendered(stack: string): Promise<{ model: ClusterModel; files: RenderedFile[] }> {
  const out = await renderValidated(stack, { env, platform: 'debian12' });
  if (!out.result) throw new Error(`${stack} does not render: ${JSON.stringify(out.diagnostics)}`);
  return { model: out.model, files: out.result.files };
}

describe('services a cluster manager owns', () => {
  let nodes: ReturnType<typeof localNodes> | undefined;
  afterEach(() => nodes?.remove());

  it('are refused to apply on Pacemaker, naming the runtime, while its own daemons and the firewall stay apply\'s', async () => {
    const { model } = await rendered('stacks/001-web-pacemaker-heartbeat.yaml');
    const owned = serviceOwnership(model);
    expect(owned('apache2')).toMatch(/apache2 is a resource of pacemaker/);
    expect(owned('smbd')).toMatch(/pacemaker/);
    expect(owned('corosync')).toBeUndefined();
    expect(owned('pacemaker')).toBeUndefined();
    expect(owned('netfilter-persistent')).toBeUndefined();
  });

  it('stay apply\'s on keepalived, which starts no service of its own', async () => {
    const { model } = await rendered('stacks/002-vrrp-keepalived.yaml');
    expect(serviceOwnership(model)('keepalived')).toBeUndefined();
    expect(serviceOwnership(model)('apache2')).toBeUndefined();
  });

  it('are never reloaded on any node when apply changes their files (seed 001: httpd-proxy.conf)', async () => {
    const { model, files } = await rendered('stacks/001-web-pacemaker-heartbeat.yaml');
    const withServices = files.filter((f) => f.service);
    const ownedFiles = withServices.filter((f) => serviceOwnership(model)(f.service!.name));
    expect(ownedFiles.length).toBeGreaterThan(0);
    // node directories on this machine: the node-side tool checks would read this machine's /etc, so they skip
    nodes = localNodes(model, { nodeTools: false });
    const services = recordingServices();
    const events: ApplyEvent[] = [];
    const report = await applyStack({
      model, result: { files: ownedBy(files, currentOwner()) }, transports: nodes.transports, services: services.controller,
      skipService: serviceOwnership(model), onEvent: (e) => events.push(e),
    });
    expect(report.nodes.filter((n) => n.status === 'failed').map((n) => n.error)).toEqual([]);
    const ownedNames = new Set(ownedFiles.map((f) => f.service!.name));
    expect(services.calls.filter((c) => ownedNames.has(c.service))).toEqual([]);
    const skipped = events.filter((e) => e.type === 'service-skipped' && ownedNames.has(e.service));
    expect(skipped.length).toBeGreaterThan(0);
    for (const e of skipped) expect(e).toMatchObject({ reason: expect.stringMatching(/resource of pacemaker/) });
  });
});
