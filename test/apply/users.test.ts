import { describe, expect, it } from 'vitest';
import { createCommand, parseUsersQuery, planUser, planUsers, usersQuery, type StackUser } from '../../src/apply/users.js';
import { localTransport } from '../../src/transport/local/local-transport.js';

const tomcat: StackUser = { name: 'tomcat', uid: 700, shell: '/sbin/nologin', path: 'users[0]' };

describe('planning a declared user on a node', () => {
  it('creates a missing user with its pinned uid and a group of its own, without a home directory', () => {
    expect(planUser(tomcat, 's1', {})).toEqual({ name: 'tomcat', uid: 700, action: 'create', command: "useradd -M -u '700' -U -s '/sbin/nologin' 'tomcat'" });
  });

  it('adds the group first when its gid is pinned, and joins an existing group of that name otherwise', () => {
    expect(createCommand({ ...tomcat, gid: 701, home: "/srv/it's" }, {})).toBe(
      "groupadd -g '701' 'tomcat' && useradd -M -u '700' -g '701' -s '/sbin/nologin' -d '/srv/it'\\''s' 'tomcat'",
    );
    expect(createCommand(tomcat, { group: 'tomcat:x:91:' })).toBe("useradd -M -u '700' -g 'tomcat' -s '/sbin/nologin' 'tomcat'");
  });

  it('leaves a user with the pinned ids alone', () => {
    expect(planUser({ ...tomcat, gid: 700 }, 's1', { byName: 'tomcat:x:700:700::/home/tomcat:/bin/sh', byUid: 'tomcat:x:700:700::/home/tomcat:/bin/sh' }).action).toBe('present');
  });

  it('reports a clash, naming node and stack path, when the name or the ids belong to someone else', () => {
    const clash = (facts: Parameters<typeof planUser>[2], user = tomcat) => planUser(user, 's2', facts);
    expect(clash({ byName: 'tomcat:x:91:91::/usr/share/tomcat:/bin/false' })).toMatchObject({ action: 'clash', reason: 'user tomcat has uid 91, not 700, on s2; the stack pins it at users[0]' });
    expect(clash({ byUid: 'solr:x:700:700::/var/solr:/bin/sh' })).toMatchObject({ action: 'clash', reason: expect.stringMatching(/^uid 700 belongs to solr on s2/) });
    expect(clash({ byName: 'tomcat:x:700:91::/:/bin/sh' }, { ...tomcat, gid: 700 })).toMatchObject({ action: 'clash', reason: expect.stringMatching(/primary gid 91, not 700/) });
    expect(clash({ group: 'tomcat:x:91:' }, { ...tomcat, gid: 700 })).toMatchObject({ action: 'clash', reason: expect.stringMatching(/group tomcat has gid 91, not 700/) });
    expect(clash({ byGid: 'video:x:700:' }, { ...tomcat, gid: 700 })).toMatchObject({ action: 'clash', reason: expect.stringMatching(/gid 700 belongs to group video/) });
  });

  it('asks the node with one quoted getent query, four lines per user', () => {
    expect(usersQuery([tomcat])).toContain(`printf '%s\\n' "$(getent passwd 'tomcat' | head -n 1)" "$(getent passwd '700' | head -n 1)" "$(getent group 'tomcat' | head -n 1)" ""`);
    expect(parseUsersQuery('tomcat:x:700:700::/:/bin/sh\n\n\n\n', 1)).toEqual([{ byName: 'tomcat:x:700:700::/:/bin/sh', byUid: undefined, group: undefined, byGid: undefined }]);
  });

  it('does not look at this machine\'s accounts for a --local directory', async () => {
    const plans = await planUsers([tomcat], localTransport({ node: 's1', root: '/nonexistent/s1' }));
    expect(plans).toEqual([{ name: 'tomcat', uid: 700, action: 'unchecked', reason: 'local:/nonexistent/s1 is not the node' }]);
  });
});
