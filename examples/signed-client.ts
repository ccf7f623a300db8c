/**
 * How an ingest client signs its requests (AWS Signature Version 4, service "execute-api"), with
 * the AWS SDK's own signer. Run against `lapor-paman local`:
 *
 *   npx tsx examples/signed-client.ts http://127.0.0.1:3000 examples/update.json
 *
 * Credentials come from the usual AWS variables (the local stack accepts local/local); in AWS they
 * are those of a role holding the "ingest client" managed policy of the stateless stack.
 */
import { readFileSync } from 'node:fs';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

export interface SignedRequestOptions {
  method?: 'GET' | 'POST';
  body?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** For tests of stale signatures. */
  signingDate?: Date;
}

/** Sends a SigV4-signed request and returns the fetch Response. */
export async function signedRequest(url: string, options: SignedRequestOptions = {}): Promise<Response> {
  const target = new URL(url);
  const credentials = options.credentials ?? {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
    ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
  };
  const signer = new SignatureV4({
    credentials,
    region: options.region ?? process.env.AWS_REGION ?? 'ap-southeast-3',
    service: 'execute-api',
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: options.method ?? (options.body ? 'POST' : 'GET'),
      protocol: target.protocol,
      hostname: target.hostname,
      ...(target.port ? { port: Number(target.port) } : {}),
      path: target.pathname,
      query: Object.fromEntries(target.searchParams),
      headers: {
        host: target.host,
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body ? { body: options.body } : {}),
    },
    options.signingDate ? { signingDate: options.signingDate } : {},
  );
  return fetch(url, {
    method: signed.method,
    headers: signed.headers as Record<string, string>,
    ...(options.body ? { body: options.body } : {}),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base = 'http://127.0.0.1:3000', file] = process.argv.slice(2);
  const body = file ? readFileSync(file, 'utf8') : undefined;
  const response = await signedRequest(`${base}/v1/updates`, { body });
  console.log(response.status, await response.text());
}
