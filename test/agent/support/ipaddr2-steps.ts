/**
 * Runs inside a lab node: drives the IPaddr2 driver through start, monitor with `ip` off the PATH, monitor with the
 * NIC down, delete behind its back, stop; prints one JSON line per step.
 */
import { execFileSync } from 'node:child_process';
import { pino } from 'pino';
import { ipaddr2Driver } from '../../../src/agent/resources/ipaddr2.js';

const [ip, nic] = process.argv.slice(2) as [string, string];
const log = pino({ level: 'silent' });
const driver = ipaddr2Driver({ id: 'vip', class: 'ipaddr2', ip, cidr: 24, nic, arpCount: 0, ops: {} as never }, { cluster: 't', node: 'n1', runDir: '/tmp', log });
const ops = { timeoutMs: 2000, intervalMs: 1000 };
const step = (name: string, value: unknown): void => console.log(JSON.stringify({ step: name, value }));
const sh = (...argv: string[]): void => void execFileSync(argv[0]!, argv.slice(1));

await driver.start(ops);
step('after-start', await driver.monitor(ops));
const path = process.env.PATH;
process.env.PATH = '/nonexistent';
step('healthy-without-ip', await driver.monitor(ops));
process.env.PATH = path;
sh('ip', 'link', 'set', nic, 'down');
step('nic-down', await driver.monitor(ops));
sh('ip', 'link', 'set', nic, 'up');
sh('ip', 'addr', 'del', `${ip}/24`, 'dev', nic);
step('deleted', await driver.monitor(ops));
await driver.start(ops);
await driver.stop(ops);
step('after-stop', await driver.monitor(ops));
driver.close?.();
