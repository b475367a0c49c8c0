import { describe, expect, it } from 'vitest';
import { installPackages } from '../../src/apply/packages.js';
import { loadStackData } from '../../src/load/load-stack.js';
import type { ClusterModel } from '../../src/model/model.js';
import type { ExecResult, Transport } from '../../src/transport/transport.js';
import { keepalivedModel } from './fixtures.js';

/** Answers commands from a script instead of a node, and remembers them: no real package manager is touched. */
function scripted(node: string, answer: (cmd: string) => ExecResult): { transport: Transport; commands: string[] } {
  const commands: string[] = [];
  const transport = {
    node, target: `fake:${node}`,
    exec: async (cmd: string) => { commands.push(cmd); return answer(cmd); },
  } as unknown as Transport;
  return { transport, commands };
}

async function centosModel(): Promise<ClusterModel> {
  const loaded = await loadStackData('t.yaml', {
    cluster: 'web', runtime: 'keepalived', platform: 'centos6',
    nodes: { s1: { nics: { eth0: '192.168.1.121/24' } } },
    vrrp: [{ name: 'VI_1', interface: 'eth0', vrid: 51, nodes: { s1: { state: 'MASTER', priority: 150 } }, vips: ['192.168.1.10'] }],
  });
  return loaded.model!;
}

describe('package installation', () => {
  it('does nothing when everything is installed', async () => {
    const model = await keepalivedModel(1);
    const fake = scripted('n1', () => ({ stdout: 'keepalived ii \niptables ii \niptables-persistent ii \n', stderr: '', code: 0 }));
    const report = await installPackages({ model, transports: new Map([['n1', fake.transport]]) });
    expect(report).toEqual([{ node: 'n1', wanted: ['keepalived', 'iptables', 'iptables-persistent'], missing: [] }]);
    expect(fake.commands).toHaveLength(1);
  });

  it('installs only what is missing', async () => {
    const model = await centosModel();
    const fake = scripted('s1', (cmd) => (cmd.startsWith('rpm') ? { stdout: 'package keepalived is not installed\niptables\n', stderr: '', code: 1 } : { stdout: '', stderr: '', code: 0 }));
    const report = await installPackages({ model, transports: new Map([['s1', fake.transport]]) });
    expect(report[0]).toMatchObject({ missing: ['keepalived'], command: "yum -y install 'keepalived'" });
    expect(fake.commands).toEqual(["rpm -q --qf '%{NAME}\\n' 'keepalived' 'iptables'", "yum -y install 'keepalived'"]);
  });

  it('reports a failed install with node and command', async () => {
    const model = await centosModel();
    const fake = scripted('s1', (cmd) => (cmd.startsWith('rpm') ? { stdout: '', stderr: '', code: 1 } : { stdout: '', stderr: 'No package keepalived available.', code: 1 }));
    await expect(installPackages({ model, transports: new Map([['s1', fake.transport]]) })).rejects.toMatchObject({ code: 'apply-install-failed', node: 's1' });
  });
});
