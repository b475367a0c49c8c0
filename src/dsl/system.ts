import type { File, FirewallRule, User } from './types.js';

type RuleOptions = Omit<FirewallRule, 'proto' | 'dport' | 'action'>;

function rule(action: NonNullable<FirewallRule['action']>, proto: FirewallRule['proto'], dport: number | undefined, options: RuleOptions): FirewallRule {
  return { proto, ...(dport === undefined ? {} : { dport }), ...options, action };
}

/**
 * An iptables rule, placed before the ones the stack implies, that lets it in (`-A INPUT -p tcp --dport 22 -s 10.0.0.0/8 -j ACCEPT`).
 *
 * @example accept('tcp', 22, { source: '10.0.0.0/8', comment: 'admin network' })
 */
export function accept(proto: FirewallRule['proto'], dport?: number, options: RuleOptions = {}): FirewallRule {
  return rule('ACCEPT', proto, dport, options);
}

/**
 * An iptables rule, placed before the ones the stack implies, that drops it silently (`-j DROP`).
 *
 * @example drop('tcp', 22)
 */
export function drop(proto: FirewallRule['proto'], dport?: number, options: RuleOptions = {}): FirewallRule {
  return rule('DROP', proto, dport, options);
}

/**
 * An iptables rule, placed before the ones the stack implies, that refuses it with an error (`-j REJECT`).
 *
 * @example reject('udp', 161)
 */
export function reject(proto: FirewallRule['proto'], dport?: number, options: RuleOptions = {}): FirewallRule {
  return rule('REJECT', proto, dport, options);
}

/**
 * A user apply creates on every node (refusing a clash of name or uid), with a pinned uid so shared data has one
 * owner everywhere.
 *
 * @example user('tomcat', { uid: 700, shell: '/sbin/nologin' })
 */
export function user(name: string, options: Omit<User, 'name'> = {}): User {
  return { name, ...options };
}

/**
 * An extra file placed on the nodes (notify scripts, configs), on all of them or on `nodes`.
 *
 * @example file('/etc/keepalived/notify.sh', '#!/bin/sh\nlogger "$1"\n', { mode: '0755' })
 */
export function file<const N extends string = never>(path: File['path'], content: string, options: Omit<File<N>, 'path' | 'content'> = {}): File<N> {
  return { path, content, ...options };
}
