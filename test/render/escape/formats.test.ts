import { describe, expect, it } from 'vitest';
import { HactlError } from '../../../src/diagnostics/index.js';
import { apacheArg } from '../../../src/render/escape/apache.js';
import { corosyncValue } from '../../../src/render/escape/corosync.js';
import { crmName, crmQuote } from '../../../src/render/escape/crm.js';
import { drbdMetaDisk, drbdValue } from '../../../src/render/escape/drbd.js';
import { authkeysKey, haCfValue, haresourcesArg } from '../../../src/render/escape/heartbeat.js';
import { hostName } from '../../../src/render/escape/hosts.js';
import { iptComment } from '../../../src/render/escape/iptables.js';
import { shellCommand, shellQuote } from '../../../src/render/escape/shell.js';
import { xmlComment, xmlEscape } from '../../../src/render/escape/xml.js';

const PATH = 'some.field';

function refused(fn: (value: string, path: string) => string, value: string): string | undefined {
  try {
    fn(value, PATH);
    return undefined;
  } catch (e) {
    if (!(e instanceof HactlError)) throw e;
    expect(e.diagnostics[0]).toMatchObject({ code: 'render-unsafe-value', path: PATH });
    expect(e.message).not.toContain(value);
    return e.code;
  }
}

describe('each format', () => {
  it.each([
    ['crm value', crmQuote],
    ['crm name', crmName],
    ['XML', xmlEscape],
    ['iptables comment', iptComment],
    ['ha.cf', haCfValue],
    ['haresources', haresourcesArg],
    ['authkeys', authkeysKey],
    ['hosts', hostName],
    ['corosync.conf', corosyncValue],
    ['DRBD', drbdValue],
    ['shell data', shellQuote],
    ['shell command', shellCommand],
    ['Apache', apacheArg],
  ] as const)('%s refuses a line break at the field path without echoing the value', (_format, fn) => {
    expect(refused(fn, 'value\nINJECTED-line')).toBe('render-unsafe-value');
  });

  it('crm: quotes values with \\ and " escaped, keeps names bare and checks them', () => {
    expect(crmQuote('say "hi" \\ there')).toBe('"say \\"hi\\" \\\\ there"');
    expect(crmName('target-role')).toBe('target-role');
    expect(refused(crmName, 'a=b c')).toBe('render-unsafe-value');
  });

  it('XML: escapes markup and keeps "--" out of comments', () => {
    expect(xmlEscape('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(xmlComment('a--b-->')).toBe('a- -b- -&gt;');
  });

  it('iptables: escapes " and \\ inside the quoted comment and keeps it under 256 bytes', () => {
    expect(iptComment('web "front" \\ door')).toBe('"web \\"front\\" \\\\ door"');
    expect(refused(iptComment, 'x'.repeat(256))).toBe('render-unsafe-value');
  });

  it('heartbeat: refuses comments in ha.cf, spaces and :: in haresources arguments, spaces in an authkeys key', () => {
    expect(haCfValue('ipfail gid=haclient uid=hacluster')).toBe('ipfail gid=haclient uid=hacluster');
    expect(refused(haCfValue, '/usr/lib/x # y')).toBe('render-unsafe-value');
    expect(refused(haresourcesArg, 'rw,noatime data')).toBe('render-unsafe-value');
    expect(refused(haresourcesArg, '/dev/x::/mnt')).toBe('render-unsafe-value');
    expect(refused(authkeysKey, 'two words')).toBe('render-unsafe-value');
  });

  it('hosts: takes host names only', () => {
    expect(hostName('db.example.com')).toBe('db.example.com');
    expect(refused(hostName, 'db #x')).toBe('render-unsafe-value');
  });

  it('corosync: refuses braces, which open and close sections wherever they stand', () => {
    expect(refused(corosyncValue, '/var/log/x}')).toBe('render-unsafe-value');
  });

  it('DRBD: quotes what is not a plain word, keeps a meta-disk index a word of its own', () => {
    expect(drbdValue('/dev/drbd0')).toBe('/dev/drbd0');
    expect(drbdValue('/dev/disk/by-id/a b')).toBe('"/dev/disk/by-id/a b"');
    expect(refused(drbdValue, '/dev/a"b')).toBe('render-unsafe-value');
    expect(drbdMetaDisk('/dev/sdb1 [0]')).toBe('/dev/sdb1 [0]');
  });

  it('shell: single-quotes data, and hands a command to eval as one quoted string', () => {
    expect(shellQuote(`/opt/it's here`)).toBe(`'/opt/it'\\''s here'`);
    expect(shellCommand('true; }; rm -rf /tmp/x')).toBe(`eval 'true; }; rm -rf /tmp/x'`);
  });

  it('Apache: quotes an argument with spaces and refuses what ends it', () => {
    expect(apacheArg('ajp://192.168.1.102:8009/')).toBe('ajp://192.168.1.102:8009/');
    expect(apacheArg('/my app/')).toBe('"/my app/"');
    expect(refused(apacheArg, '/a>b')).toBe('render-unsafe-value');
  });
});
