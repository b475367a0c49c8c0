import { operateCommand } from '../operate.js';
import type { TargetOptions } from '../target.js';

export const onlineCommand = (node: string, options: TargetOptions): Promise<number> => operateCommand('online', { node }, options);
