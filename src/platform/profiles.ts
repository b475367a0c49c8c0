import type { PlatformName } from '../model/model.js';

/** Paths and commands that differ between distributions; centos6 keeps CentOS 6's, on which heartbeat v1 and Pacemaker 1.0 clusters still run. */
export interface PlatformProfile {
  name: PlatformName;
  packageInstall: string;
  packages: Record<'heartbeat' | 'pacemaker' | 'keepalived' | 'corosync' | 'drbd' | 'apache' | 'memcached' | 'tomcat' | 'firewall', string[]>;
  enableService: (service: string) => string;
  disableService: (service: string) => string;
  serviceAction: (service: string, action: 'start' | 'stop' | 'restart' | 'reload' | 'status') => string;
  heartbeatLibDir: string;
  haDir: string;
  initDir: string;
  initFunctions: string;
  lockDir: string;
  iptablesSaveFile: string;
  /** the service that loads the saved rules at boot (restarted when they change) */
  firewallService: string;
  apacheConfDir: string;
  apacheConfigFile: string;
  documentRoot: string;
  serviceManager: 'lsb' | 'systemd';
  corosyncVersion: 1 | 3;
  corosyncLogfile: string;
  pacemakerSyntax: '1.0' | '2';
  keepalivedMaxVips?: number;
  /** memcached's option file where the distribution's default binds the loopback only (Debian); unset where it listens on every address */
  memcachedConfig?: string;
  /** the distribution's Tomcat: install (CATALINA_HOME), instance (CATALINA_BASE), its JRE (java_home), and its server.xml */
  tomcat?: { home: string; base: string; javaHome: string; serverXml: string };
  drbdVersion: '8.4' | '9';
  vagrantBox: string;
}

const centos6: PlatformProfile = {
  name: 'centos6',
  packageInstall: 'yum -y install',
  packages: {
    heartbeat: ['heartbeat'],
    pacemaker: ['pacemaker', 'heartbeat', 'pm_extras'],
    keepalived: ['keepalived'],
    corosync: ['corosync', 'pacemaker'],
    drbd: ['drbd', 'kmod-drbd'],
    apache: ['httpd', 'wget'],
    memcached: ['memcached'],
    tomcat: ['java-1.7.0-openjdk'],
    firewall: ['iptables'],
  },
  enableService: (s) => `chkconfig ${s} on`,
  disableService: (s) => `chkconfig ${s} off`,
  serviceAction: (s, a) => `service ${s} ${a}`,
  heartbeatLibDir: '/usr/lib64/heartbeat',
  haDir: '/etc/ha.d',
  initDir: '/etc/init.d',
  initFunctions: '/etc/init.d/functions',
  lockDir: '/var/lock/subsys',
  iptablesSaveFile: '/etc/sysconfig/iptables',
  firewallService: 'iptables',
  apacheConfDir: '/etc/httpd/conf.d',
  apacheConfigFile: '/etc/httpd/conf/httpd.conf',
  documentRoot: '/var/www/html',
  serviceManager: 'lsb',
  corosyncVersion: 1,
  corosyncLogfile: '/var/log/cluster/corosync.log',
  pacemakerSyntax: '1.0',
  keepalivedMaxVips: 20,
  drbdVersion: '8.4',
  vagrantBox: 'centos65_64',
};

const debian12: PlatformProfile = {
  name: 'debian12',
  packageInstall: 'DEBIAN_FRONTEND=noninteractive apt-get install -y -q',
  packages: {
    heartbeat: ['heartbeat', 'resource-agents'],
    pacemaker: ['pacemaker', 'pacemaker-cli-utils', 'crmsh', 'resource-agents'],
    keepalived: ['keepalived'],
    corosync: ['corosync', 'pacemaker', 'pacemaker-cli-utils', 'crmsh'],
    drbd: ['drbd-utils'],
    apache: ['apache2', 'wget'],
    memcached: ['memcached'],
    tomcat: ['tomcat10', 'default-jre-headless'],
    // the rendered /etc/iptables/rules.v4 is loaded by netfilter-persistent
    firewall: ['iptables', 'iptables-persistent'],
  },
  enableService: (s) => `systemctl enable ${s}`,
  disableService: (s) => `systemctl disable ${s}`,
  serviceAction: (s, a) => `systemctl ${a} ${s}`,
  heartbeatLibDir: '/usr/libexec/heartbeat',
  haDir: '/etc/ha.d',
  initDir: '/etc/init.d',
  initFunctions: '/lib/lsb/init-functions',
  lockDir: '/run/lock',
  iptablesSaveFile: '/etc/iptables/rules.v4',
  firewallService: 'netfilter-persistent',
  apacheConfDir: '/etc/apache2/conf-enabled',
  apacheConfigFile: '/etc/apache2/apache2.conf',
  documentRoot: '/var/www/html',
  serviceManager: 'systemd',
  corosyncVersion: 3,
  corosyncLogfile: '/var/log/corosync/corosync.log',
  pacemakerSyntax: '2',
  memcachedConfig: '/etc/memcached.conf',
  tomcat: { home: '/usr/share/tomcat10', base: '/var/lib/tomcat10', javaHome: '/usr/lib/jvm/default-java', serverXml: '/etc/tomcat10/server.xml' },
  drbdVersion: '9',
  vagrantBox: 'hactl/debian12',
};

const profiles: Record<PlatformName, PlatformProfile> = { centos6, debian12 };

export function platformProfile(name: PlatformName): PlatformProfile {
  return profiles[name];
}
