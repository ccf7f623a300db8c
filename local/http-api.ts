import http from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiGatewayEvent } from './api-event';
import { localPrincipal } from './clients';
import { pickPort } from './ports';
import { verifySigV4 } from './sigv4-verify';
import { localAwsEnv } from './stack';

/** API Gateway HTTP APIs accept payloads up to 10 MB. */
const gatewayMaxBody = 10 * 1024 * 1024;

export interface LocalApiOptions {
  /** The same function the Lambda handler calls, fed API Gateway v2 events. */
  handle: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
  /**
   * Access key id -> secret of the callers allowed in (the IAM authorizer's stand-in). A caller is
   * reported to the handler as the IAM user `local/clients.ts` localPrincipal(key id).
   */
  credentials: Record<string, string>;
  port?: number;
  /** The region signatures must be scoped to. @default the local stack's (ap-southeast-3) */
  region?: string;
}

export interface LocalApi {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves the ingest API on localhost the way API Gateway would: checks the SigV4 signature first
 * (401 unsigned, 403 wrong or stale), then hands a payload-v2 event to the handler.
 */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const port = await pickPort(options.port ?? 3000);
  const server = http.createServer(async (req, res) => {
    const send = (r: APIGatewayProxyStructuredResultV2) => {
      res.writeHead(r.statusCode ?? 200, r.headers as http.OutgoingHttpHeaders);
      res.end(r.body ?? '');
    };
    try {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > gatewayMaxBody) {
          send(jsonError(413, 'body-too-large', 'request entity too large'));
          return;
        }
        chunks.push(chunk as Buffer);
      }
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
      );
      const query: Record<string, string | string[]> = {};
      for (const [k, v] of url.searchParams) {
        const prev = query[k];
        query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      const verdict = await verifySigV4(
        {
          method: req.method ?? 'GET',
          host: req.headers.host ?? '',
          path: url.pathname,
          query,
          headers,
          body,
        },
        { credentials: options.credentials, region: options.region ?? localAwsEnv.AWS_REGION },
      );
      if (!verdict.ok) {
        send(jsonError(verdict.status, verdict.error, verdict.message));
        return;
      }
      send(
        await options.handle(
          apiGatewayEvent({
            method: req.method ?? 'GET',
            path: `${url.pathname}${url.search}`,
            host: url.host,
            headers,
            body,
            sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
            protocol: `HTTP/${req.httpVersion}`,
            principalArn: localPrincipal(verdict.accessKeyId),
          }),
        ),
      );
    } catch (error) {
      send(jsonError(500, 'internal', error instanceof Error ? error.message : String(error)));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function jsonError(statusCode: number, error: string, message: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ error, message }),
  };
}
