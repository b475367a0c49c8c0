import { afterEach, describe, expect, it } from 'vitest';
import { applyStack } from '../../src/apply/apply.js';
import type { ApplyEvent } from '../../src/apply/events.js';
import { formatEvent } from '../../src/apply/format-event.js';
import { formatPlan, formatPlanJson } from '../../src/apply/format-plan.js';
import { hasDrift, planStack } from '../../src/apply/plan.js';
import { CLUSTER_SCOPE } from '../../src/render/artifact.js';
import { renderValidated } from '../../src/pipeline/render-validated.js';
import { missing } from '../support/env.js';
import { localNodes } from './local-nodes.js';

const SECRETS = { HACTL_AUTHKEY: 'Stk7authkeyZq81', HACTL_VRRP_PASS: 'Stk7VrPw' };
const STACKS = ['000-memcached-heartbeat', '001-web-pacemaker-heartbeat', '002-vrrp-keepalived', '003-drbd-heartbeat-crm', '004-job-corosync-pacemaker'];

describe('plan and apply of the seed stacks, rendered by the real renderers, into local node directories', () => {
  let remove: (() => void) | undefined;
  afterEach(() => remove?.());

  // owners stay as rendered (root:root and service users such as tomcat), so this needs root, like the seeds
  it.skipIf(missing({ root: true })).each(STACKS)('%s: first apply writes every file, then nothing drifts and a second apply changes nothing', async (stack) => {
    const out = await renderValidated(`stacks/${stack}.yaml`, { env: { ...process.env, ...SECRETS } });
    expect(out.result, JSON.stringify(out.diagnostics)).toBeDefined();
    const { model, result } = { model: out.model!, result: out.result! };
    // under a prefix this host's tools would judge against this host's paths: `hactl check` covers them
    const nodes = localNodes(model, { nodeTools: false });
    remove = nodes.remove;
    const text: string[] = [];
    const events: ApplyEvent[] = [];
    const noServices = { run: async () => undefined };

    const before = await planStack({ model, result, transports: nodes.transports });
    text.push(formatPlan(before, { showUnchanged: true }), formatPlanJson(before));
    const pushed = result.files.filter((f) => f.node === CLUSTER_SCOPE || model.nodes.some((n) => n.name === f.node));
    expect(before.summary.create).toBe(pushed.length);

    const first = await applyStack({ model, result, transports: nodes.transports, services: noServices, onEvent: (e) => events.push(e) });
    expect(first.ok, JSON.stringify(first.nodes.map((n) => n.error))).toBe(true);
    const after = await planStack({ model, result, transports: nodes.transports });
    expect(hasDrift(after)).toBe(false);
    const second = await applyStack({ model, result, transports: nodes.transports, services: noServices, onEvent: (e) => events.push(e) });
    expect(second.changed).toBe(false);

    text.push(JSON.stringify(first), JSON.stringify(events), ...events.map(formatEvent));
    for (const secret of Object.values(SECRETS)) expect(text.join('\n')).not.toContain(secret);
  });
});
