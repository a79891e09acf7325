import { createServer } from 'node:net';

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/**
 * Fails early, with the variable to change, when a port is taken; otherwise a second `npm start` (or a leftover
 * DynamoDB Local) would be found only after the JVM has started, or worse, answer in our place.
 */
export const assertPortFree = (port: number, what: string, envVar: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${port} (${what}) is in use: stop what uses it, or set ${envVar} to another port`)
          : error,
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
