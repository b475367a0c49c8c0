import { describe, expect, it } from 'vitest';
import { HactlError } from '../../src/diagnostics/index.js';
import { keepalivedRenderer } from '../../src/render/keepalived/index.js';
import { directives, expectGolden, fileOf, modelOf, render, stackInput, vrrpModern } from './render-variants.js';

const CONF = '/etc/keepalived/keepalived.conf';

// seed 002, MASTER side, verbatim
const seedMaster = `
global_defs {
    notification_email {
               hogehoge@feedforce.jp
    }
    notification_email_from keepalived@feedforce.jp
    smtp_server localhost
    smtp_connect_timeout 30
}

vrrp_instance VI_1 {
        state MASTER
        interface eth0
        virtual_router_id 51
        priority 150
        advert_int 1
        authentication {
                auth_type PASS
                auth_pass 1111
        }
        virtual_ipaddress {
                192.168.1.10
        }
}`;
const seedBackup = seedMaster.replace('state MASTER', 'state BACKUP').replace('priority 150', 'priority 100');

/** The lines of `block { ... }` (first occurrence), without the braces. */
function block(text: string, name: string): string[] {
  const lines = directives(text);
  const start = lines.indexOf(`${name} {`);
  return lines.slice(start + 1, lines.indexOf('}', start));
}

function isSubsequence(needle: string[], haystack: string[]): boolean {
  let i = 0;
  for (const line of haystack) if (line === needle[i]) i++;
  return i === needle.length;
}

describe('keepalived.conf', async () => {
  const seed = await modelOf(await stackInput('002-vrrp-keepalived'));
  const files = render(seed, keepalivedRenderer);

  it('renders seed 002’s two files as expected (golden)', () => {
    expect(files.map((f) => `${f.node}:${f.path}`)).toEqual([`lb1:${CONF}`, `lb2:${CONF}`]);
    for (const file of files) expectGolden('002-vrrp-keepalived', file);
  });

  it('keeps every directive and value of the seed’s MASTER and BACKUP files, in order', () => {
    expect(isSubsequence(directives(seedMaster), directives(fileOf(files, 'lb1', CONF).content))).toBe(true);
    expect(isSubsequence(directives(seedBackup), directives(fileOf(files, 'lb2', CONF).content))).toBe(true);
  });

  it('adds no directive the seed does not use', () => {
    const seedKeys = new Set([...directives(seedMaster), 'virtual_ipaddress_excluded {', 'notify_master', 'notify_backup'].map((l) => l.split(' ')[0]));
    const keys = directives(fileOf(files, 'lb1', CONF).content).map((l) => l.split(' ')[0]!).filter((k) => !/^\d/.test(k));
    expect(keys.filter((k) => !seedKeys.has(k))).toEqual([]);
  });

  it('puts the 21st VIP and later into virtual_ipaddress_excluded on centos6', () => {
    const text = fileOf(files, 'lb1', CONF).content;
    const vips = block(text, 'virtual_ipaddress');
    expect(vips).toHaveLength(20);
    expect(vips[0]).toBe('192.168.1.10');
    expect(vips.at(-1)).toBe('192.168.1.119');
    expect(block(text, 'virtual_ipaddress_excluded')).toEqual(['192.168.1.120', '192.168.1.121', '192.168.1.122']);
  });

  it('keeps all VIPs announced where the platform has no limit', async () => {
    const model = await modelOf({ ...(await stackInput('002-vrrp-keepalived')), platform: 'debian12' });
    const text = fileOf(render(model, keepalivedRenderer), 'lb1', CONF).content;
    expect(block(text, 'virtual_ipaddress')).toHaveLength(23);
    expect(text).not.toContain('virtual_ipaddress_excluded');
  });

  it('calls the seed’s notify scripts', () => {
    const lines = directives(fileOf(files, 'lb2', CONF).content);
    expect(lines).toContain('notify_master /etc/keepalived/hoge.sh');
    expect(lines).toContain('notify_backup /etc/keepalived/hage.sh');
  });

  it('is a root-only secret because it carries auth_pass', () => {
    for (const f of files) expect([f.mode, f.secret, f.service]).toEqual(['0600', true, { name: 'keepalived', action: 'reload' }]);
  });

  it('fails with auth-secret-missing when the VRRP password is not set', async () => {
    const { renderStack } = await import('../../src/render/render-stack.js');
    const run = () => renderStack(seed, { renderers: [keepalivedRenderer], env: {} });
    expect(run).toThrow(HactlError);
    expect(() => run()).toThrow(/HACTL_VRRP_PASS/);
  });

  it('renders the same bytes twice', () => {
    expect(render(seed, keepalivedRenderer)).toEqual(files);
  });
});

describe('keepalived.conf on debian12 (keepalived 2)', async () => {
  const files = render(await modelOf(await vrrpModern()), keepalivedRenderer);
  const lb1 = directives(fileOf(files, 'lb1', CONF).content);
  const lb2 = directives(fileOf(files, 'lb2', CONF).content);

  it('lets scripts run as root with script security on', () => {
    expect(lb1).toContain('script_user root');
    expect(lb1).toContain('enable_script_security');
    expect(lb1).toContain('router_id vrrp-lab');
  });

  it('renders vrrp_script with every setting and tracks it', () => {
    const text = fileOf(files, 'lb1', CONF).content;
    expect(block(text, 'vrrp_script chk_web')).toEqual(['script "/usr/local/libexec/hactl/check-web.sh --quiet"', 'interval 2', 'weight -20', 'fall 2', 'rise 2']);
    expect(block(text, 'track_script')).toEqual(['chk_web']);
  });

  it('starts a nopreempt instance as BACKUP even on the MASTER node', () => {
    const vi1 = lb1.slice(lb1.indexOf('vrrp_instance VI_1 {'));
    expect(vi1).toContain('state BACKUP');
    expect(vi1).toContain('priority 150');
    expect(vi1).toContain('nopreempt');
    expect(vi1).toContain('garp_master_delay 5');
  });

  it('sends unicast adverts from the node’s own address to the peer', () => {
    const text = fileOf(files, 'lb1', CONF).content;
    expect(lb1).toContain('unicast_src_ip 192.168.1.11');
    expect(block(text, 'unicast_peer')).toEqual(['192.168.1.12']);
  });

  it('renders VRRPv3 with a fractional advert_int and without authentication', () => {
    const vi2 = lb2.slice(lb2.indexOf('vrrp_instance VI_2 {'));
    expect(vi2).toContain('version 3');
    expect(vi2).toContain('advert_int 0.5');
    expect(vi2).toContain('state MASTER');
    expect(vi2).not.toContain('authentication {');
    // a path with a space stays one program: single quotes inside the value (keepalived.conf(5), "Quoted strings")
    expect(vi2).toContain(`notify_fault "'/usr/local/sbin/vip fault.sh'"`);
  });

  it('renders the same bytes twice', async () => {
    expect(render(await modelOf(await vrrpModern()), keepalivedRenderer)).toEqual(files);
  });
});
