import { readFileSync, readdirSync } from 'node:fs';
import { it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { openTransports, closeTransports } from '../../src/transport/open-transports.js';
import { keepalivedModel } from '../apply/fixtures.js';
import { createSshLab } from './support/ssh-lab.js';

function descendants(pid: number): number[] {
  let c: number[] = [];
  try { c = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number); } catch {}
  return c.flatMap((k) => [k, ...descendants(k)]);
}

it('cut', async () => {
  const env = await createSshLab('tzcut', 1);
  try {
    const model = await keepalivedModel(1);
    const ts = await openTransports(model, { overrides: env.overrides, knownHostsFiles: [env.knownHosts], agent: '', keepaliveIntervalMs: 1000 });
    const t = ts.get('n1')!;
    const big = Buffer.alloc(64 * 1024 * 1024, 'x');
    const p = t.writeFileAtomic('/etc/big', big, { mode: '0644', owner: 'root:root' }, { backupSuffix: { day: '1', stamp: '2' } }).then(() => 'ok', (e) => `err ${e.code} ${e.message}`);
    await sleep(1500);
    console.log('files', readdirSync(env.lab.nodeRoot('n1') + '/etc').filter((f) => f.includes('big')));
    const kids = descendants(env.sshd.get('n1')!.pid);
    console.log('kids', kids, kids.map((k) => readFileSync(`/proc/${k}/cmdline`, 'utf8')));
    for (const k of kids) process.kill(k, 'SIGKILL');
    const r = await Promise.race([p, sleep(15000).then(() => 'hang')]);
    console.log('result', r);
    await closeTransports(ts.values());
  } finally { await env.destroy(); }
}, 60000);
