import { describe, expect, it } from 'vitest';
import { memcachedRenderer } from '../../src/render/memcached/index.js';
import { fileOf, modelOf, render, stackInput } from './render-variants.js';

describe('memcached options (seed 000)', async () => {
  const input = await stackInput('000-memcached-heartbeat');

  it('makes Debian’s memcached listen on the VIP as well as the loopback, with the stack’s port and pid file', async () => {
    const files = render(await modelOf({ ...input, platform: 'debian12' }), memcachedRenderer);
    expect(files.map((f) => `${f.node}:${f.path}`)).toEqual(['sv1:/etc/memcached.conf', 'sv2:/etc/memcached.conf']);
    const lines = fileOf(files, 'sv1', '/etc/memcached.conf').content.split('\n');
    expect(lines).toContain('-l 127.0.0.1,172.16.0.1');
    expect(lines).toContain('-p 11211');
    expect(lines).toContain('-P /var/run/memcached/memcached.pid');
  });

  it('leaves CentOS’s memcached alone: it listens on every address already', async () => {
    expect(render(await modelOf(input), memcachedRenderer)).toEqual([]);
  });
});
