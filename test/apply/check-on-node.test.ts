import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOnNode, hasNodeCheck } from '../../src/apply/check-on-node.js';
import type { RenderedFile } from '../../src/render/artifact.js';
import { localTransport } from '../../src/transport/local/local-transport.js';
import type { ExecResult, Transport } from '../../src/transport/transport.js';
import { missing } from '../support/env.js';

const dir = mkdtempSync(join(tmpdir(), 'hactl-checks-'));
const t = localTransport({ node: 'n1', root: '/' });
const file = (name: string, content: string): string => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
/** a rendered file's identity as apply sees it: its checker and its path on the node */
const staged = (checker: NonNullable<RenderedFile['checker']>, path = `/etc/${checker}.conf`) => ({ checker, path });
const answering = (r: ExecResult): Transport => ({ node: 'n1', nodeTools: true, exec: async () => r } as unknown as Transport);

describe("checking a staged file with the node's own tool", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(missing({ tools: ['corosync'] }))('runs corosync -t -c on the temp file', async () => {
    expect(await checkOnNode(t, staged('corosync'), file('bad-corosync.conf', 'totem {\n'))).toMatchObject({ result: 'failed', tool: 'corosync -t' });
  });

  it.skipIf(missing({ tools: ['crm_verify'] }))('runs crm_verify --xml-file on a CIB', async () => {
    expect(await checkOnNode(t, staged('cib'), file('cib.xml', '<cib><nonsense/></cib>'))).toMatchObject({ result: 'failed', tool: 'crm_verify' });
  });

  it("leaves corosync's binary authkey to the key lint: corosync -t reads corosync.conf, not the key", () => {
    expect(hasNodeCheck({ checker: 'corosync', path: '/etc/corosync/corosync.conf' })).toBe(true);
    expect(hasNodeCheck({ checker: 'corosync', path: '/etc/corosync/authkey' })).toBe(false);
  });

  it('runs bash -n on bash scripts and sh -n on others', async () => {
    expect(await checkOnNode(t, staged('shell'), file('ok.sh', '#!/bin/bash\n[[ -n x ]] && echo ok\n'))).toEqual({ result: 'ok', tool: 'sh -n' });
    expect(await checkOnNode(t, staged('shell'), file('bad.sh', '#!/bin/sh\nfi\n'))).toMatchObject({ result: 'failed' });
  });

  it('skips, and says why, when the tool is not installed or too old to take a path', async () => {
    expect(await checkOnNode(answering({ stdout: '', stderr: '', code: 127 }), staged('keepalived'), '/x')).toMatchObject({ result: 'skipped', reason: 'keepalived is not installed on n1' });
    expect(await checkOnNode(answering({ stdout: "corosync: invalid option -- 'c'\n", stderr: '', code: 1 }), staged('corosync'), '/x')).toMatchObject({ result: 'skipped' });
  });

  it("leaves files under a local root prefix to `hactl check`: this host's paths are not the node's", async () => {
    const prefixed = localTransport({ node: 'n1', root: dir });
    expect(await checkOnNode(prefixed, staged('shell'), file('bad2.sh', '#!/bin/sh\nfi\n'))).toMatchObject({ result: 'skipped', tool: 'sh -n' });
  });

  it('has nothing to say about files no single-file tool can judge', async () => {
    expect(await checkOnNode(t, staged('heartbeat'), '/x')).toBeUndefined();
    expect(await checkOnNode(t, { checker: undefined, path: '/x' }, '/x')).toBeUndefined();
  });

  it('leaves corosync\'s authkey alone: corosync -t reads it, it does not parse it as a config', async () => {
    expect(await checkOnNode(t, staged('corosync', '/etc/corosync/authkey'), file('authkey', 'binary key bytes'))).toBeUndefined();
  });
});
describe('which files apply checks on the node', () => {
  it('has no node check for a file without checker', () => {
    expect(hasNodeCheck({ checker: undefined, path: '/etc/hosts' })).toBe(false);
  });
});
