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
    case 'user-created':
      return `[${e.node}] created user ${e.user}${e.uid === undefined ? '' : ` (uid ${e.uid})`}`;
    case 'user-skipped':
      return `[${e.node}] would check user ${e.user} (skipped: ${e.reason})`;
    case 'service-skipped':
      return `[${e.node}] would ${e.action} ${e.service} (skipped: ${e.reason})`;
    case 'service-reloaded':
      return `[${e.node}] ${e.action === 'reload' ? 'reloaded' : 'restarted'} ${e.service}`;
    case 'node-done': {
      const users = e.users ? `${e.users} user${e.users === 1 ? '' : 's'} created` : '';
      const files = e.changed ? `${e.changed} file${e.changed === 1 ? '' : 's'} changed` : '';
      const services = e.services ? `, ${e.services} service${e.services === 1 ? '' : 's'}` : '';
      return `[${e.node}] done: ${[users, files].filter(Boolean).join(', ') || 'no changes'}${services}`;
    }
    case 'node-failed':
      return `[${e.node}] FAILED${e.error.path ? ` at ${e.error.path}` : ''}${e.error.tool ? ` (${e.error.tool})` : ''}: ${e.error.message}`;
  }
}
