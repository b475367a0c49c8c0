/**
 * Runs inside the lab's client namespace: opens a TCP connection to VIP:PORT every INTERVAL ms (connections
 * overlap, so a SYN lost to a dead node does not delay the next probe) and prints one JSON line per answer:
 * {"sent": ms, "at": ms, "node": "<first body line>"}. usage: failover-probe.ts VIP PORT INTERVAL_MS MAX_MS
 */
import { connect } from 'node:net';

const [vip = '', portText = '80', intervalText = '10', maxText = '3600000'] = process.argv.slice(2);
const port = Number(portText);
const interval = Number(intervalText);
const MAX_IN_FLIGHT = 300;
let inFlight = 0;

function probe(): void {
  if (inFlight >= MAX_IN_FLIGHT) return;
  inFlight++;
  const sent = Date.now();
  let text = '';
  let done = false;
  const s = connect({ host: vip, port });
  const finish = (answered: boolean): void => {
    if (done) return;
    done = true;
    inFlight--;
    clearTimeout(timer);
    s.destroy();
    if (!answered) return;
    const body = text.includes('\r\n\r\n') ? text.slice(text.indexOf('\r\n\r\n') + 4) : text;
    process.stdout.write(JSON.stringify({ sent, at: Date.now(), node: body.split('\n')[0]!.trim() }) + '\n');
  };
  const timer = setTimeout(() => finish(false), 2000);
  s.on('connect', () => s.write('GET / HTTP/1.0\r\n\r\n'));
  s.on('data', (d) => (text += d.toString()));
  s.on('end', () => finish(true));
  s.on('error', () => finish(false));
}

setInterval(probe, interval);
setTimeout(() => process.exit(0), Number(maxText));
