import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeAdminEntry, type AdminEntry } from '../protocol/report.js';

export interface PersistedState {
  generation: number;
  admin: AdminEntry[];
}

/** Admin intent (standby, moves) survives a restart of every node; the generation only ever grows. */
export async function loadState(dir: string): Promise<PersistedState | undefined> {
  try {
    const v = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as { generation?: unknown; admin?: unknown };
    const generation = typeof v.generation === 'number' && Number.isSafeInteger(v.generation) ? v.generation : 0;
    const admin = Array.isArray(v.admin) ? v.admin.map(decodeAdminEntry).filter((e): e is AdminEntry => e !== undefined) : [];
    return { generation, admin };
  } catch {
    return undefined;
  }
}

export async function saveState(dir: string, state: PersistedState): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `state.json.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(state) + '\n', { mode: 0o600 });
  await rename(tmp, join(dir, 'state.json'));
}

/** Boot generation: wall-clock ms, but never below a persisted one (clock stepped back). */
export function nextGeneration(persisted: number | undefined, now = Date.now()): number {
  return Math.max(now, (persisted ?? 0) + 1);
}
