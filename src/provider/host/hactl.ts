/**
 * Where hactl's own CLI (and with it the bundled agent) is installed on machines hactl does not run on: VMs and real
 * servers get it from `apply`/`up` (see the agent install), on this path.
 */
export const HOST_HACTL: readonly string[] = ['/usr/local/bin/hactl'];
