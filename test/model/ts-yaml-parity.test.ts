import { describe, expect, it } from 'vitest';
import { loadStack } from '../../src/load/load-stack.js';

const twins = ['000-memcached-heartbeat', '001-web-pacemaker-heartbeat', '002-vrrp-keepalived', '003-drbd-heartbeat-crm', '004-job-corosync-pacemaker', 'quickstart'];

describe('TypeScript stacks and their YAML twins', () => {
  for (const name of twins) {
    it(`produce the same model for ${name}`, async () => {
      const yaml = await loadStack(`stacks/${name}.yaml`);
      const ts = await loadStack(`stacks/${name}.ts`);
      expect(yaml.diagnostics).toEqual([]);
      expect(ts.diagnostics).toEqual([]);
      expect(ts.model).toBeDefined();
      expect(ts.model).toEqual(yaml.model);
    });
  }
});
