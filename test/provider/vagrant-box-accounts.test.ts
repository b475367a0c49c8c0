import { describe, expect, it } from 'vitest';
import type { StackUser } from '../../src/apply/users.js';
import { renumberPlan } from '../../src/provider/vagrant/box-accounts.js';

const tomcat: StackUser = { name: 'tomcat', uid: 700, shell: '/sbin/nologin', path: 'users[0]' } as StackUser;
// what the hactl/debian12 box holds: tomcat10's postinst made the account with a system uid of its own
const boxTomcat = { byName: 'tomcat:x:996:996:Apache Tomcat:/var/lib/tomcat:/usr/sbin/nologin', group: 'tomcat:x:996:' };

describe("the box's package accounts renumbered to the stack's pinned ids (Vagrant machines only)", () => {
  it("gives the box's tomcat (uid 996) the guide's uid 700 and hands it the files 996 owned", () => {
    const plan = renumberPlan(tomcat, boxTomcat);
    expect(plan?.steps).toEqual([{ what: 'uid', from: 996, to: 700 }]);
    expect(plan?.command).toContain("usermod -u 700 'tomcat'");
    expect(plan?.command).toContain('find / -xdev -uid 996 -exec chown -h 700 {} +');
  });

  it('renumbers the group too when the stack pins its gid', () => {
    const plan = renumberPlan({ ...tomcat, gid: 700 }, boxTomcat);
    expect(plan?.steps).toEqual([{ what: 'uid', from: 996, to: 700 }, { what: 'gid', from: 996, to: 700 }]);
    expect(plan?.command).toContain("groupmod -g 700 'tomcat'");
  });

  it('leaves alone an account that already has the pinned ids, one that is not there, and a pinned id another name holds', () => {
    expect(renumberPlan(tomcat, { byName: 'tomcat:x:700:700::/nonexistent:/sbin/nologin', byUid: 'tomcat:x:700:700::/nonexistent:/sbin/nologin' })).toBeUndefined();
    expect(renumberPlan(tomcat, {})).toBeUndefined();
    expect(renumberPlan(tomcat, { ...boxTomcat, byUid: 'www:x:700:700::/:/bin/false' })).toBeUndefined();
  });

  it('does nothing for a user the stack does not pin', () => {
    expect(renumberPlan({ name: 'tomcat', path: 'users[0]' } as StackUser, boxTomcat)).toBeUndefined();
  });
});
