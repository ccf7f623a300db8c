import type { Server } from 'node:http';
import { pickPort } from './ports';

export interface SesLocal {
  endpoint: string;
  /** The emulator's web page listing received mail. */
  mailPageUrl: string;
  port: number;
  stop(): Promise<void>;
}

type StartServer = (config?: { host?: string; port?: number }) => Promise<Server>;

/**
 * Starts the `aws-ses-v2-local` SES emulator in this process. It accepts SendEmail and SendRawEmail,
 * serves received mail at `/` and as JSON at `/store`. Its store lives in this process's memory.
 */
export async function startSesLocal(options: { port?: number } = {}): Promise<SesLocal> {
  const port = await pickPort(options.port ?? 8005);
  // The package is CommonJS with an `exports.default`; Node's ESM loader wraps it once more.
  const mod = (await import('aws-ses-v2-local')) as unknown as {
    default: StartServer | { default: StartServer };
  };
  const start = typeof mod.default === 'function' ? mod.default : mod.default.default;
  const server = await start({ host: '127.0.0.1', port });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    mailPageUrl: `${endpoint}/`,
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
