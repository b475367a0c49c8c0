import { stat, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentClientError, agentIsActive, agentMove, agentStatus, requestAgent } from '../../src/agent/control/client.js';
import type { ControlRequest } from '../../src/agent/control/protocol.js';
import { ControlFailure, startControlServer, type ControlServer } from '../../src/agent/control/server.js';

let dir: string;
let server: ControlServer | undefined;
const seen: ControlRequest[] = [];

async function start(): Promise<string> {
  const path = join(dir, 'run', 'control.sock');
  server = await startControlServer(path, async (req) => {
    seen.push(req);
    if (req.cmd === 'move' && req.node === 'nowhere') throw new ControlFailure('unknown-node', 'no node named "nowhere"');
    if (req.cmd === 'is-active') return { group: req.group, node: 'sv1', active: true, state: 'running' };
    return { echo: req.cmd };
  });
  return path;
}

function raw(path: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(path);
    let out = '';
    s.on('connect', () => s.write(text));
    s.on('data', (d) => {
      out += d.toString();
      if (out.endsWith('\n')) {
        s.destroy();
        resolve(out);
      }
    });
    s.on('error', reject);
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hactl-control-'));
  seen.length = 0;
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('control socket', () => {
  it('is a 0600 socket in a 0700 directory', async () => {
    const path = await start();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'run'))).mode & 0o777).toBe(0o700);
  });

  it('answers typed requests through the client', async () => {
    const path = await start();
    expect(await agentStatus(path)).toEqual({ echo: 'status' });
    expect(await agentIsActive(path, 'web')).toMatchObject({ active: true });
    await agentMove(path, 'web', 'sv2');
    expect(seen).toEqual([{ cmd: 'status' }, { cmd: 'is-active', group: 'web' }, { cmd: 'move', group: 'web', node: 'sv2' }]);
  });

  it('passes the agent error code to the client', async () => {
    const path = await start();
    const err = await agentMove(path, 'web', 'nowhere').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentClientError);
    expect(err).toMatchObject({ code: 'unknown-node' });
  });

  it('rejects malformed requests without calling the agent', async () => {
    const path = await start();
    expect(JSON.parse(await raw(path, 'nonsense\n'))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.parse(await raw(path, '{"cmd":"reboot"}\n'))).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.parse(await raw(path, '{"cmd":"move","group":"web"}\n'))).toMatchObject({ ok: false, error: { message: 'move: "node" is required' } });
    expect(JSON.parse(await raw(path, '{"cmd":"standby","node":"sv1","extra":1}\n'))).toMatchObject({ ok: false });
    expect(JSON.parse(await raw(path, '{"id":7,"cmd":"status"}\n'))).toEqual({ id: 7, ok: true, result: { echo: 'status' } });
    expect(seen).toEqual([{ cmd: 'status' }]);
  });

  it('refuses to start when another agent listens on the socket, and replaces a stale one', async () => {
    const path = await start();
    await expect(startControlServer(path, async () => null)).rejects.toThrow(/another agent is listening/);
    await server!.close();
    server = await startControlServer(path, async () => 'fresh');
    expect(await requestAgent(path, { cmd: 'status' })).toBe('fresh');
  });

  it('says so when no agent runs', async () => {
    await expect(agentStatus(join(dir, 'absent.sock'))).rejects.toMatchObject({ code: 'agent-not-running' });
  });
});
