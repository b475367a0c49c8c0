import { error, warning, type Diagnostic } from '../../diagnostics/index.js';
import type { Check } from '../check.js';
import { primitivesOf } from '../support.js';

/**
 * useradd on each node picks its own UID; on shared data (DRBD, NFS) files then belong to a different user after
 * failover. Pinning the UID (e.g. tomcat uid 700 on every node) avoids it.
 */
export const checkPinnedUids: Check = (model) => {
  const out: Diagnostic[] = [];
  const tomcatUsers = new Set(primitivesOf(model, 'tomcat').map((p) => p.user));
  const sharedStorage = model.drbd.length > 0 || primitivesOf(model, 'filesystem').length > 0;
  for (const user of model.users) {
    if (user.uid !== undefined) continue;
    const path = `${user.path}.uid`;
    if (user.sharedData) out.push(error('user-uid-unpinned', path, `user '${user.name}' writes shared data but has no pinned uid`));
    else if (tomcatUsers.has(user.name)) out.push(warning('user-uid-unpinned', path, `tomcat user '${user.name}' has no pinned uid: nodes may give it different UIDs`));
    else if (sharedStorage) out.push(warning('user-uid-unpinned', path, `user '${user.name}' has no pinned uid on a cluster with shared storage`));
  }
  const declared = new Set(model.users.map((u) => u.name));
  for (const p of primitivesOf(model, 'tomcat')) {
    if (!declared.has(p.user) && p.user !== 'root') {
      const hint = `declare it under users: with a uid, e.g. { name: ${p.user}, uid: 700 } as in stacks/001-web-pacemaker-heartbeat.yaml`;
      out.push(warning('user-uid-unpinned', `${p.path}.tomcat.user`, `tomcat user '${p.user}' is not declared under users, so its uid is not pinned`, hint));
    }
  }
  return out;
};
