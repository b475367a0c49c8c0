import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml.js';

const findings = (text: string) => parseYaml(text, 'stack.yaml').diagnostics.map((d) => `${d.code} ${d.location?.line}:${d.location?.column}`);

describe('reading YAML', () => {
  it('rejects an unknown tag at the tag instead of dropping it', () => {
    expect(findings('cluster: x\nfiles:\n  - !ruby/object:Gem::Installer { path: /etc/motd }\n')).toEqual(['yaml-unknown-tag 3:5']);
    expect(findings('cluster: !foo x\n')).toEqual(['yaml-unknown-tag 1:10']);
  });

  it('rejects the YAML 1.1 tags that would turn a scalar into a buffer, a date or a set', () => {
    expect(findings('a: !!binary aGVsbG8=\n')).toEqual(['yaml-unknown-tag 1:4']);
    expect(findings('a: !!timestamp 2001-12-14\n')).toEqual(['yaml-unknown-tag 1:4']);
    expect(findings('a: !!set { x }\n')).toEqual(['yaml-unknown-tag 1:4']);
  });

  it('keeps the core tags', () => {
    const parsed = parseYaml('a: !!str 1\nb: !!int "2"\nc: !!map { d: !!seq [ !!bool true, !!null null, !!float 1.5 ] }\n', 'stack.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.data).toEqual({ a: '1', b: 2, c: { d: [true, null, 1.5] } });
  });
});
