/** Pacemaker 1.0 (`ms`, Master/Slave, as on CentOS 6) or 2.x (promotable clones, Promoted/Unpromoted). */
export type Syntax = '1.0' | '2';

const roles: Record<Syntax, Record<'master' | 'slave' | 'started', string>> = {
  '1.0': { master: 'Master', slave: 'Slave', started: 'Started' },
  '2': { master: 'Promoted', slave: 'Unpromoted', started: 'Started' },
};

export function roleName(role: 'master' | 'slave' | 'started', syntax: Syntax): string {
  return roles[syntax][role];
}

/** The schema an empty CIB of this flavour validates with: 1.0 is what Pacemaker 1.0.13 wrote; 3.7 is the first with Promoted. */
export function cibSchema(syntax: Syntax): string {
  return syntax === '1.0' ? 'pacemaker-1.0' : 'pacemaker-3.7';
}
