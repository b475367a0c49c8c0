// Cold-start time of the built CLI: `hactl --help` and `hactl validate` of the seed 001 stack, median of N runs.
import { spawnSync } from 'node:child_process';

const runs = Number(process.env.RUNS ?? 5);
const cases: [string, string[]][] = [
  ['hactl --help', ['--help']],
  ['hactl --version', ['--version']],
  ['hactl validate stacks/001 (yaml)', ['validate', 'stacks/001-web-pacemaker-heartbeat.yaml']],
  ['hactl validate stacks/000 (ts)', ['validate', 'stacks/000-memcached-heartbeat.ts']],
  ['hactl validate (broken stack)', ['validate', 'test/corpus/004-unclosed-flow-mapping.yaml']],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`node ${process.version}, ${runs} runs each, wall-clock ms`);
console.log('case'.padEnd(36), 'median', '   min', '   max');
for (const [label, args] of cases) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['dist/cli/hactl.js', ...args], { stdio: 'ignore', env: { ...process.env, HACTL_AUTHKEY: 'bench' } });
    times.push(performance.now() - t);
  }
  console.log(label.padEnd(36), median(times).toFixed(0).padStart(6), Math.min(...times).toFixed(0).padStart(6), Math.max(...times).toFixed(0).padStart(6));
}
