import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { siteSecurityHeaders } from '../infra/site-headers';
import { pickPort } from './ports';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
};

export interface LocalSite {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/**
 * Serves the generated scoreboard from a folder on localhost, with the headers CloudFront adds
 * (CSP, no-referrer, nosniff), so that what the browser tests see is what the public sees.
 * Only files inside the folder are served; `/` and folders serve their index.html.
 */
export async function startSiteServer(dir: string, preferredPort = 8080): Promise<LocalSite> {
  const root = path.resolve(dir);
  const port = await pickPort(preferredPort);
  const server = http.createServer(async (req, res) => {
    const headers = {
      'Content-Security-Policy': siteSecurityHeaders.contentSecurityPolicy,
      'Referrer-Policy': siteSecurityHeaders.referrerPolicy,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
    };
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = path.resolve(root, `.${pathname}`);
    if (file !== root && !file.startsWith(`${root}${path.sep}`)) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('forbidden\n');
      return;
    }
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = path.join(file, 'index.html');
    const found = info?.isDirectory() ? await stat(file).catch(() => undefined) : info;
    if (!found?.isFile() || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res
        .writeHead(found ? 405 : 404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end(found ? 'method not allowed\n' : `not found: ${pathname}\n`);
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': found.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dir: root,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
