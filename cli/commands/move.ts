import { operateCommand } from '../operate.js';
import type { TargetOptions } from '../target.js';

export const moveCommand = (group: string, node: string, options: TargetOptions): Promise<number> => operateCommand('move', { group, node }, options);
