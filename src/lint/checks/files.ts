import { error, warning, type Diagnostic } from '../../diagnostics/index.js';
import type { Check } from '../check.js';

/**
 * Files that hold the accounts of a machine or decide who becomes root: replacing one with a stack's copy locks
 * every user out or hands root to whoever wrote the stack. Accounts come from users:, sudo rules from a drop-in.
 */
const REPLACED_SYSTEM_FILES = new Set(['/etc/passwd', '/etc/shadow', '/etc/group', '/etc/gshadow', '/etc/sudoers', '/etc/ld.so.preload']);

/**
 * Places that grant logins or root (sudo and PAM rules, sshd and authorized keys, cron, login shells' profiles,
 * the dynamic linker's paths, the boot loader): a stack may have a reason to ship such a file, so it is a warning
 * that makes a reviewer look.
 */
const PRIVILEGED = [
  /^\/etc\/sudoers\.d\//,
  /^\/etc\/pam\.d\//,
  /^\/etc\/security\//,
  /^\/etc\/ssh\//,
  /\/\.ssh\//,
  /^\/etc\/crontab$/,
  /^\/etc\/cron\.[a-z]+\//,
  /^\/var\/spool\/cron\//,
  /^\/etc\/ld\.so\.conf(\.d\/.*)?$/,
  /^\/etc\/(profile|environment|bash\.bashrc)$/,
  /^\/etc\/profile\.d\//,
  /^\/boot\//,
];

/** `files:` entries that would replace an account database or sudoers (error) or grant logins or root (warning). */
export const checkSensitiveFiles: Check = (model) => {
  const out: Diagnostic[] = [];
  for (const file of model.files) {
    const path = `${file.path}.path`;
    if (REPLACED_SYSTEM_FILES.has(file.target)) {
      out.push(error('file-sensitive', path, `${file.target} is a system file that holds accounts or root's rules: a stack must not replace it`));
    } else if (PRIVILEGED.some((p) => p.test(file.target))) {
      out.push(warning('file-sensitive', path, `${file.target} grants logins or root on the nodes`, 'make sure this file is meant to grant what it does; keep it mode 0600/0644 and owned by root'));
    }
  }
  return out;
};

const SETUID = 0o4000;
const SETGID = 0o2000;
const WORLD_WRITABLE = 0o0002;

/** setuid/setgid make a file run as its owner (root); world write access lets any local user change a file root may run. */
export const checkFileModes: Check = (model) => {
  const out: Diagnostic[] = [];
  for (const file of model.files) {
    const mode = Number.parseInt(file.mode ?? '0644', 8);
    const bad = [mode & SETUID && 'setuid', mode & SETGID && 'setgid', mode & WORLD_WRITABLE && 'world-writable'].filter((b): b is string => Boolean(b));
    if (bad.length) out.push(error('file-mode-unsafe', `${file.path}.mode`, `mode ${file.mode} of ${file.target} is ${bad.join(', ')}`));
  }
  return out;
};
