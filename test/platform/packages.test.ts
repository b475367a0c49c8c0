import { describe, expect, it } from 'vitest';
import { installCommand, installedQuery, packagesFor, parseInstalled } from '../../src/platform/packages.js';
import { keepalivedModel } from '../apply/fixtures.js';

describe("a platform's packages", () => {
  it("asks for the platform profile's packages of the runtime and of the firewall it renders", async () => {
    expect(packagesFor(await keepalivedModel(2))).toEqual(['keepalived', 'iptables', 'iptables-persistent']);
  });

  it('queries dpkg on debian12 and rpm on centos6', () => {
    expect(installedQuery('debian12', ['keepalived'])).toBe("dpkg-query -W -f '${Package} ${db:Status-Abbrev}\\n' 'keepalived' 2>/dev/null");
    expect(installedQuery('centos6', ['heartbeat', 'pacemaker'])).toBe("rpm -q --qf '%{NAME}\\n' 'heartbeat' 'pacemaker'");
  });

  it('counts only fully installed packages', () => {
    expect([...parseInstalled('debian12', 'keepalived ii \ncorosync rc \n')]).toEqual(['keepalived']);
    expect([...parseInstalled('centos6', 'heartbeat\npackage pacemaker is not installed\n')]).toEqual(['heartbeat']);
  });

  it('installs with yum -y install on centos6, and with apt-get after an update on debian12', () => {
    expect(installCommand('centos6', ['httpd', 'wget'])).toBe("yum -y install 'httpd' 'wget'");
    expect(installCommand('debian12', ['keepalived'])).toBe("apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q 'keepalived'");
  });
});
