import type { PlatformProfile } from '../../platform/profiles.js';

/** Helper programs of heartbeat and its companions; Debian moved hb_standby out of the lib dir. */
export function heartbeatPaths(profile: PlatformProfile) {
  const lib = profile.heartbeatLibDir;
  return {
    hbStandby: profile.name === 'debian12' ? '/usr/share/heartbeat/hb_standby' : `${lib}/hb_standby`,
    hbTakeover: profile.name === 'debian12' ? '/usr/share/heartbeat/hb_takeover' : `${lib}/hb_takeover`,
    resourceManager: '/usr/share/heartbeat/ResourceManager',
    pingd: `${lib}/pingd`,
    ifcheckd: `${lib}/ifcheckd`,
  };
}
