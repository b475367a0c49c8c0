import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlFailure, startControlServer, type ControlServer } from '../../../src/agent/control/server.js';
import { requestOverShell, socketRequestCommand } from '../../../src/runtime/agent/socket-request.js';
import { localExec, localTransport } from '../../../src/transport/local/local-transport.js';
import { ShellTransport } from '../../../src/transport/shell-transport.js';
import { missing } from '../../support/env.js';

const skip = missing({ tools: ['perl', 'sh'] });

describe.skipIf(skip)('a control request spoken to the agent socket from the node shell', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hactl-socket-request-'));
  const socket = join(dir, 'run', "it's", 'control.sock');
  const node = localTransport({ node: 'n1', root: '/' });
  let server: ControlServer;
  const seen: unknown[] = [];

  beforeAll(async () => {
    server = await startControlServer(socket, async (req) => {
      seen.push(req);
      if (req.cmd === 'move' && req.group === 'nope') throw new ControlFailure('unknown-group', 'no group named nope');
      if (req.cmd === 'stop') await new Promise((r) => setTimeout(r, 5000));
      return { answered: req.cmd };
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("returns the agent's result through perl, with the request as the agent's parser takes it", async () => {
    expect(await requestOverShell('n1', node, socket, { cmd: 'move', group: 'web', node: 'n2' })).toEqual({ answered: 'move' });
    expect(seen.at(-1)).toEqual({ cmd: 'move', group: 'web', node: 'n2' });
  });

  it('falls back to the node\'s Node.js where perl is missing, with the same answer', async () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync('/bin/sh', join(bin, 'sh'));
    symlinkSync(process.execPath, join(bin, 'node'));
    // a shell whose PATH holds sh and node only
    const noPerl = new ShellTransport({ node: 'n1', target: 'local:/', root: '/', exec: (command, input, ms) => localExec(`PATH=${bin}; ${command}`, input, ms) });
    expect(await requestOverShell('n1', noPerl, socket, { cmd: 'status' })).toEqual({ answered: 'status' });
    await expect(requestOverShell('n1', noPerl, join(dir, 'none.sock'), { cmd: 'status' })).rejects.toMatchObject({ code: 'runtime-not-ready' });
  });

  it("reports the agent's refusal with the agent's own code", async () => {
    await expect(requestOverShell('n1', node, socket, { cmd: 'move', group: 'nope', node: 'n2' })).rejects.toMatchObject({
      code: 'runtime-command-failed',
      message: expect.stringContaining('no group named nope (unknown-group)'),
    });
  });

  it('says the agent is not running when nothing listens on the socket', async () => {
    await expect(requestOverShell('n1', node, join(dir, 'none.sock'), { cmd: 'status' })).rejects.toMatchObject({ code: 'runtime-not-ready', message: expect.stringContaining('no agent is listening') });
  });

  it('gives up after its own timeout when the agent does not answer', async () => {
    const started = performance.now();
    await expect(requestOverShell('n1', node, socket, { cmd: 'stop', group: 'web' }, 1)).rejects.toMatchObject({ code: 'runtime-command-failed', message: expect.stringContaining('no answer from') });
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it('quotes every argument for the shell', () => {
    expect(socketRequestCommand("/run/a'b.sock", { cmd: 'status' }, 5)).toContain(`'/run/a'\\''b.sock'`);
  });
});
