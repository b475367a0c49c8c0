import { it } from 'vitest';
import { openTransports, closeTransports } from '../../src/transport/open-transports.js';
import { keepalivedModel } from '../apply/fixtures.js';
import { createSshLab } from './support/ssh-lab.js';

it('speed', async () => {
  const env = await createSshLab('tspeed', 1);
  try {
    const model = await keepalivedModel(1);
    const ts = await openTransports(model, { overrides: env.overrides, knownHostsFiles: [env.knownHosts], agent: '' });
    const t = ts.get('n1')!;
    const pid = env.sshd.get('n1')!.pid;
    const { readFileSync: rf } = await import('node:fs');
    const kids = (p: number): number[] => { let c: number[] = []; try { c = rf(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number); } catch {} return c.flatMap((k) => [k, ...kids(k)]); };
    const all = kids(pid); console.log('kids', all);
    const st = env.lab.spawn('n1', ['strace', '-f', '-tt', '-o', '/tmp/st.txt', ...all.flatMap((k) => ['-p', String(k)])]);
    await new Promise((r) => setTimeout(r, 500));
    let t0 = Date.now(); await t.exec('true'); console.log('exec', Date.now() - t0);
    await new Promise((r) => setTimeout(r, 300));
    st.kill('SIGINT');
    await st.exited;
    console.log(await env.lab.exec('n1', ['sh', '-c', 'wc -l /tmp/st.txt; cp /tmp/st.txt /tmp/st-copy.txt']).then((x) => x.stdout));
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync('/tmp/hactl-strace.txt', readFileSync(env.lab.nodeRoot('n1') + '/tmp/st.txt'));
    await closeTransports(ts.values());
  } finally { await env.destroy(); }
});
