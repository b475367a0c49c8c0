import { describe, expect, it } from 'vitest';
import { parseHosts } from '../../../src/import/parse/hosts.js';
import { parseIptables } from '../../../src/import/parse/iptables.js';
import { parseMonitorScript } from '../../../src/import/parse/monitor-script.js';
import { decodeText } from '../../../src/import/parse/text.js';

describe('parseHosts', () => {
  it('keeps the distribution’s loopback and IPv6 lines apart from the cluster’s', () => {
    const { value } = parseHosts('127.0.0.1 localhost  localhost.localdomain\n::1 localhost6\n192.168.1.121\ts1 s1.example.com # web\n', 'hosts');
    expect(value.entries.map((e) => [e.ip, e.names])).toEqual([['192.168.1.121', ['s1', 's1.example.com']]]);
    expect(value.system).toHaveLength(2);
  });
});

describe('parseIptables', () => {
  it('reads the filter table and keeps other tables whole', () => {
    const text = '*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\n-A INPUT  -p udp -m udp --dport 694 -j ACCEPT\nCOMMIT\n';
    const { value, issues } = parseIptables(text, 'iptables');
    expect(issues).toEqual([]);
    expect(value.rules.map((r) => r.text)).toEqual(['-A INPUT -p udp -m udp --dport 694 -j ACCEPT']);
    expect(value.otherTables.map((t) => t.name)).toEqual(['nat']);
  });

  it('reports a table without COMMIT as truncated', () => {
    expect(parseIptables('*filter\n-A INPUT -j ACCEPT\n', 'iptables').issues.map((i) => i.code)).toEqual(['import-truncated']);
  });
});

describe('parseMonitorScript', () => {
  it('reads the seed guide’s hand-written memcached loop as a memcached check every 40 s', () => {
    const text = "#!/bin/bash\nINTERVAL=30\nSTB_INTV=40\nwhile true; do\n  kill -0 `cat /var/run/memcached/memcached.pid` >/dev/null 2>&1\n  if [ $? -ne 0 ]; then /usr/lib/heartbeat/hb_standby; fi\n  (echo 'stats'; sleep 1; echo 'quit'; sleep 1;) | telnet localhost 11211 2> /dev/null | grep -q \"STAT pid\"\n  sleep ${STB_INTV}\ndone\n";
    expect(parseMonitorScript(text)).toEqual({ kind: 'memcached', intervalMs: 40000, rendered: false, pidfile: '/var/run/memcached/memcached.pid', process: 'memcached', port: 11211 });
  });

  it('says nothing about a script that is not a check loop', () => {
    expect(parseMonitorScript('#!/bin/sh\nlogger hello\n')).toBeUndefined();
  });
});

describe('decodeText', () => {
  it('refuses a NUL byte at its line, and reads CRLF as LF', () => {
    expect(decodeText(Buffer.from('a\nb\0'), 'f').issues.map((i) => [i.code, i.location?.line])).toEqual([['import-binary', 2]]);
    expect(decodeText(Buffer.from('a\r\nb\r\n'), 'f').value).toBe('a\nb\n');
  });
});
