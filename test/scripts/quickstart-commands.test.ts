import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRoot, missing } from '../support/env.js';

const repo = process.cwd();
const readme = readFileSync(join(repo, 'README.md'), 'utf8');

/** The command lines of the README's quickstart block: the main job, then the test suite. */
function quickstart(): string[] {
  const block = /## Quickstart[^\n]*\n+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

describe("the README's two commands", () => {
  it('are two one-line commands that call no sudo themselves, and .ci/run runs the test command as printed', () => {
    const commands = quickstart();
    expect(commands).toHaveLength(2);
    expect(commands[0]).toContain('hactl.js up stacks/quickstart.yaml');
    expect(commands[1]).toContain('npm test');
    for (const c of commands) expect(c).not.toMatch(/(^|[\s&|;])sudo\s/);
    expect(readFileSync(join(repo, '.ci/run'), 'utf8').split('\n')).toContain(commands[1]);
  });
});

// Every tool of this machine except sudo, behind stand-ins for what must not really run here: npm (ci, build,
// test), node (hactl up builds a lab), apt-get and systemctl. Each stand-in only writes its argv to the log.
describe.skipIf(missing({ root: true, tools: ['setpriv', 'dpkg-query'] }))("the README's commands, as root on a machine without sudo and as a user with sudo", () => {
  let dir: string;
  let log: string;
  let path: string;
  const stub = (bin: string, name: string): void => {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> '${log}'\n`);
    chmodSync(join(bin, name), 0o755);
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hactl-quickstart-'));
    chmodSync(dir, 0o755);
    log = join(dir, 'calls.log');
    const stubs = join(dir, 'stubs');
    const tools = join(dir, 'tools');
    mkdirSync(stubs);
    mkdirSync(tools);
    for (const name of ['npm', 'node', 'apt-get', 'systemctl']) stub(stubs, name);
    for (const sys of ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
      if (!existsSync(sys)) continue;
      for (const name of readdirSync(sys)) if (name !== 'sudo' && !existsSync(join(tools, name))) symlinkSync(join(sys, name), join(tools, name));
    }
    path = `${stubs}:${tools}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (command: string, opts: { asNobody?: boolean; withSudo?: boolean } = {}) => {
    writeFileSync(log, '');
    chmodSync(log, 0o666);
    let env = path;
    if (opts.withSudo) {
      const sudoDir = join(dir, 'sudo');
      mkdirSync(sudoDir, { recursive: true });
      stub(sudoDir, 'sudo');
      env = `${sudoDir}:${path}`;
    }
    const argv = opts.asNobody ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'sh', '-c', command] : ['sh', '-c', command];
    const r = await execa(argv[0]!, argv.slice(1), { cwd: repo, reject: false, env: { PATH: env, HOME: dir }, extendEnv: false });
    const calls = readFileSync(log, 'utf8').split('\n').filter((l) => /^(npm|node|sudo) /.test(l));
    return { ...r, calls };
  };

  it('runs the main job as printed, as root with no sudo on PATH', async () => {
    expect(isRoot()).toBe(true);
    const r = await run(quickstart()[0]!);
    expect(r.stderr).not.toContain('sudo');
    expect(r.exitCode).toBe(0);
    expect(r.calls).toEqual(['npm ci --no-audit --no-fund', 'npm run build', 'node dist/cli/hactl.js up stacks/quickstart.yaml']);
  });

  it('goes through sudo for both commands when run by a user who is not root', async () => {
    const [main, tests] = quickstart();
    expect((await run(main!, { asNobody: true, withSudo: true })).calls).toEqual(['sudo -- scripts/setup', 'sudo -- node dist/cli/hactl.js up stacks/quickstart.yaml']);
    expect((await run(tests!, { asNobody: true, withSudo: true })).calls).toEqual(['sudo -- scripts/setup --vagrant', 'sudo -- npm test']);
  });

  it('scripts/as-root passes the arguments and the exit code through unchanged', async () => {
    const r = await run(`scripts/as-root sh -c 'id -u; printf "%s|" "$@"; exit 7' sh 'a b' "it's"`);
    expect(r).toMatchObject({ exitCode: 7, stdout: "0\na b|it's|" });
  });
});
