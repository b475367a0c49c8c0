import type { ApplyEvent } from './events.js';

/** One plain line per event (non-TTY output and logs); events carry paths and tool names, never content. */
export function formatEvent(e: ApplyEvent): string {
  switch (e.type) {
    case 'node-start':
      return `[${e.node}] start: ${e.files} file${e.files === 1 ? '' : 's'}${e.node === e.via ? '' : ` via ${e.via}`}`;
    case 'file-checked':
      return e.result === 'ok' ? `[${e.node}] ${e.tool} accepts ${e.path}` : `[${e.node}] not checked ${e.path}: ${e.reason ?? e.tool}`;
    case 'file-written':
      return `[${e.node}] ${e.action === 'create' ? 'created' : 'updated'} ${e.path}${e.backup ? ` (backup ${e.backup})` : ''}`;
    case 'file-rolled-back':
      return `[${e.node}] rolled back ${e.path}`;
    case 'service-skipped':
      return `[${e.node}] would ${e.action} ${e.service} (skipped: ${e.reason})`;
    case 'service-reloaded':
      return `[${e.node}] ${e.action === 'reload' ? 'reloaded' : 'restarted'} ${e.service}`;
    case 'node-done':
      return `[${e.node}] done: ${e.changed ? `${e.changed} file${e.changed === 1 ? '' : 's'} changed` : 'no changes'}${e.services ? `, ${e.services} service${e.services === 1 ? '' : 's'}` : ''}`;
    case 'node-failed':
      return `[${e.node}] FAILED${e.error.path ? ` at ${e.error.path}` : ''}${e.error.tool ? ` (${e.error.tool})` : ''}: ${e.error.message}`;
  }
}
