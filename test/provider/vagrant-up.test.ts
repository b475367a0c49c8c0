import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { vagrantUp } from '../../src/provider/vagrant/index.js';
import { modelOf, render, twoNodes } from './vagrant-fixtures.js';

describe('hactl up --provider vagrant', () => {
  it('stops vagrantUp with every issue before any vagrant command runs', async () => {
    const model = await modelOf(twoNodes({
      nodes: {
        lb1: { nics: { eth1: '10.231.9.1/24' }, forwardedPorts: [{ guest: 22, host: 2122 }] },
        lb2: { nics: { eth1: '10.231.9.12/24' }, forwardedPorts: [{ guest: 22, host: 2122 }] },
      },
    }));
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const error = await vagrantUp(model, render(model), { baseDir: '/nonexistent/hactl' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'VagrantError', code: 'vagrant-invalid-stack' });
      expect((error as { issues: Diagnostic[] }).issues.map((i) => i.code).sort()).toEqual(['vagrant-address-clash', 'vagrant-port-clash']);
    } finally {
      process.env.PATH = path;
    }
  });
});
