import { describe, expect, it } from 'vitest';
import type { ClusterInput } from '../../src/model/cluster.js';
import { drbdStack, pacemakerStack, pathsOf, severityOf, type Resource } from './stacks.js';

const tomcat: Resource = {
  tomcat: { javaHome: '/usr', catalinaHome: '/usr/local/tomcat', user: 'tomcat', statusurl: 'http://192.168.1.102:8080/' },
};

const withUsers = (users: ClusterInput['users'], stack: ClusterInput = pacemakerStack()): ClusterInput => ({ ...stack, users });

describe('pinned UIDs (seed 001)', () => {
  it('rejects a user with shared data and no uid', async () => {
    const stack = withUsers([{ name: 'app', sharedData: true }]);
    expect(await pathsOf(stack, 'user-uid-unpinned')).toEqual(['users[0].uid']);
    expect(await severityOf(stack, 'user-uid-unpinned')).toEqual(['error']);
  });

  it('warns about the tomcat user without uid', async () => {
    const stack = withUsers([{ name: 'tomcat' }]);
    stack.resources = [tomcat];
    expect(await pathsOf(stack, 'user-uid-unpinned')).toEqual(['users[0].uid']);
    expect(await severityOf(stack, 'user-uid-unpinned')).toEqual(['warning']);
  });

  it('warns about a tomcat user that is not declared at all', async () => {
    const stack = withUsers(undefined);
    stack.resources = [tomcat];
    expect(await pathsOf(stack, 'user-uid-unpinned')).toEqual(['resources[0].tomcat.user']);
  });

  it('warns about any user without uid on a cluster with DRBD', async () => {
    expect(await pathsOf(withUsers([{ name: 'mysql' }], drbdStack()), 'user-uid-unpinned')).toEqual(['users[0].uid']);
  });

  it('accepts seed 001’s tomcat with uid 700', async () => {
    const stack = withUsers([{ name: 'tomcat', uid: 700, shell: '/sbin/nologin', sharedData: true }]);
    stack.resources = [tomcat];
    expect(await pathsOf(stack, 'user-uid-unpinned')).toEqual([]);
  });

  it('accepts an unpinned user without shared data on local-only nodes', async () => {
    expect(await pathsOf(withUsers([{ name: 'backup' }]), 'user-uid-unpinned')).toEqual([]);
  });
});
