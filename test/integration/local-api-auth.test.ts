import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedRequest } from '../../examples/signed-client';
import { handleApiRequest } from '../../functions/api/ingest-routes';
import { type LocalApi, startLocalApi } from '../../local/http-api';
import { anUpdate } from '../support/fixtures';
import { localIngest } from '../support/ingest';

let api: LocalApi;
// The local stack's province-wide client (registered by localIngest), with a secret of its own.
const credentials = { accessKeyId: 'local', secretAccessKey: 'local-secret' };

beforeAll(async () => {
  const { deps } = await localIngest();
  api = await startLocalApi({
    handle: (event) => handleApiRequest(deps, event),
    credentials: { [credentials.accessKeyId]: credentials.secretAccessKey },
    port: 0,
  });
});
afterAll(() => api.stop());

const body = () => JSON.stringify(anUpdate());

/** A POST to /v1/updates signed with the SDK signer over `signedBody`, with extra signed headers. */
async function signedPost(signedBody: string, headers: Record<string, string> = {}) {
  const { SignatureV4 } = await import('@smithy/signature-v4');
  const { Sha256 } = await import('@aws-crypto/sha256-js');
  const url = new URL(`${api.url}/v1/updates`);
  const request = await new SignatureV4({
    credentials,
    region: 'ap-southeast-3',
    service: 'execute-api',
    sha256: Sha256,
  }).sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    headers: { host: url.host, 'content-type': 'application/json', ...headers },
    body: signedBody,
  });
  return { url, headers: request.headers as Record<string, string> };
}

describe('the local ingest API checks SigV4 like the IAM authorizer', () => {
  it('accepts a request signed with the AWS SDK signer', async () => {
    const response = await signedRequest(`${api.url}/v1/updates`, { body: body(), credentials });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { summary: { created: number } }).summary.created).toBe(1);
  });

  it('answers 401 to an unsigned request', async () => {
    const response = await fetch(`${api.url}/v1/updates`, {
      method: 'POST',
      body: body(),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'missing-authentication' });
  });

  it('answers 403 to a wrong secret, an unknown key and a stale signature', async () => {
    const wrong = await signedRequest(`${api.url}/v1/updates`, {
      body: body(),
      credentials: { ...credentials, secretAccessKey: 'guess' },
    });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: 'invalid-signature' });
    const unknown = await signedRequest(`${api.url}/v1/updates`, {
      body: body(),
      credentials: { ...credentials, accessKeyId: 'AKIDOTHER' },
    });
    expect(unknown.status).toBe(403);
    const stale = await signedRequest(`${api.url}/v1/updates`, {
      body: body(),
      credentials,
      signingDate: new Date(Date.now() - 10 * 60_000),
    });
    expect(stale.status).toBe(403);
    expect(await stale.json()).toMatchObject({ error: 'signature-expired' });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'answers 403, not 500, to an access key id named like an object property (%s)',
    async (accessKeyId) => {
      const response = await signedRequest(`${api.url}/v1/updates`, {
        body: body(),
        credentials: { accessKeyId, secretAccessKey: 'x' },
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'unknown-access-key' });
    },
  );

  it('answers 403 when the body was changed after signing', async () => {
    const signed = await signedRequest(`${api.url}/v1/complaints/X`, { credentials });
    expect(signed.status).toBe(404); // signed GET passes authentication
    // Re-send a signed POST's headers with another body.
    const { url, headers } = await signedPost(body());
    const tampered = await fetch(url, { method: 'POST', headers, body: body() });
    expect(tampered.status).toBe(403);
  });

  it('answers 403 to an unsigned payload (UNSIGNED-PAYLOAD), as API Gateway requires the body hash', async () => {
    const { url, headers } = await signedPost(body(), { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' });
    // Signed without the body: any body would pass. Send one the signer never saw.
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(anUpdate({ regencyCode: '6371' })),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'invalid-signature' });
  });

  it('answers 403 to a signature scoped to another region', async () => {
    const response = await signedRequest(`${api.url}/v1/updates`, {
      body: body(),
      credentials,
      region: 'us-east-1',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: 'invalid-signature',
      message: 'the credential scope names region "us-east-1", expected "ap-southeast-3"',
    });
  });

  const curl = spawnSync('curl', ['--version']).status === 0;
  // curl runs asynchronously: the server answering it lives in this same process.
  it.runIf(curl)('accepts curl --aws-sigv4, as documented in the README', async () => {
    const { stdout: out } = await promisify(execFile)(
      'curl',
      [
        '-s',
        '--aws-sigv4',
        'aws:amz:ap-southeast-3:execute-api',
        '--user',
        `${credentials.accessKeyId}:${credentials.secretAccessKey}`,
        '-H',
        'content-type: application/json',
        '--data',
        body(),
        `${api.url}/v1/updates`,
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out).summary.created).toBe(1);
  });
});
