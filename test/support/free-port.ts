import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now (the kernel's choice), for servers a test starts by port number. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}
