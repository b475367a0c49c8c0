import { describe, expect, it } from 'vitest';
import { AgentClientError } from '../../src/agent/control/client.js';
import { HeartbeatV1Error } from '../../src/agent/heartbeat-v1/config.js';
import { AgentConfigError } from '../../src/agent/config/index.js';
import { ApplyError } from '../../src/apply/errors.js';
import { codes, error, HactlError, stackDiagnostics } from '../../src/diagnostics/index.js';
import { LabError } from '../../src/netns/errors.js';
import { VagrantError } from '../../src/provider/vagrant/errors.js';
import { TransportError } from '../../src/transport/errors.js';

const raised: [string, HactlError][] = [
  ['ApplyError', new ApplyError('apply-check-failed', 'n1', 'refused', { path: '/etc/x', tool: 'keepalived -t' })],
  ['TransportError', new TransportError('ssh-auth-failed', 'n1', 'refused')],
  ['LabError', new LabError('lab-not-found', 'no lab')],
  ['LabError', new LabError('lab-bad-request', 'no NIC given')],
  ['VagrantError', new VagrantError('vagrant-invalid-stack', 'bad', { issues: [error('vagrant-port-clash', 'nodes.a.forwardedPorts[0]', 'twice')] })],
  ['AgentConfigError', new AgentConfigError('/etc/hactl/agent.json', [{ path: 'nodes', message: 'missing' }])],
  ['HeartbeatV1Error', new HeartbeatV1Error([{ file: '/etc/ha.d/ha.cf', line: 3, message: 'bad' }])],
  ['AgentClientError', new AgentClientError('agent-not-running', 'no agent')],
];

describe('the one error base', () => {
  it.each(raised)('%s is a HactlError: a registered code, a user source and that code\'s hint', (name, e) => {
    expect(e).toBeInstanceOf(HactlError);
    expect(e.name).toBe(name);
    expect(Object.keys(codes)).toContain(e.code);
    expect(e.source).toBe('user');
    expect(e.hint).toBe(codes[e.code]);
  });

  it('keeps what each layer adds: the node, the file and the tool, the issues', () => {
    expect(raised[0]![1]).toMatchObject({ node: 'n1', path: '/etc/x', tool: 'keepalived -t' });
    expect((raised[4]![1] as VagrantError).issues.map((i) => i.code)).toEqual(['vagrant-port-clash']);
    expect((raised[5]![1] as AgentConfigError).issues).toHaveLength(1);
  });

  it("keeps the agent's own error codes and turns one it does not know into a protocol error", () => {
    expect(new AgentClientError('unknown-group', 'no group named "x"').code).toBe('unknown-group');
    expect(new AgentClientError('no-such-code', 'from a newer agent').code).toBe('protocol');
  });

  it('carries located stack problems, and hands them on where a layer collects diagnostics', () => {
    const e = HactlError.from([error('auth-missing', 'auth', 'no auth'), error('auth-crc', 'auth.method', 'crc')]);
    expect(e).toMatchObject({ code: 'auth-missing', message: 'no auth; crc', hint: codes['auth-missing'] });
    expect(stackDiagnostics(e)?.map((d) => d.path)).toEqual(['auth', 'auth.method']);
    expect(stackDiagnostics(new LabError('lab-timeout', 'hung'))).toBeUndefined();
    expect(stackDiagnostics(new Error('bug'))).toBeUndefined();
  });

  it('marks a bug as internal', () => {
    expect(new HactlError('internal', 'unreachable', { source: 'internal' }).source).toBe('internal');
  });
});
