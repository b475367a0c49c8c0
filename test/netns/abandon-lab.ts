import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

/**
 * Builds a lab in another process (fixtures/abandoned-lab.ts), then SIGKILLs that process: the lab is left with its
 * daemons running and nobody to tear it down. Returns the daemons' PIDs.
 */
export async function abandonLab(name: string): Promise<number[]> {
  const fixture = fileURLToPath(new URL('./fixtures/abandoned-lab.ts', import.meta.url));
  const creator = execa(process.execPath, ['--import', 'tsx', fixture, name], { reject: false, timeout: 60_000 });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      creator.stdout.once('data', (data: Buffer) => resolve(data.toString()));
      void creator.then((r) => reject(new Error(`creator exited early: ${r.stderr}`)));
    });
    return (JSON.parse(line) as { pids: number[] }).pids;
  } finally {
    creator.kill('SIGKILL');
    await creator;
  }
}
