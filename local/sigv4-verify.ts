import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Checks an AWS Signature Version 4 the way API Gateway's IAM authorizer does, for the local server:
 * it recomputes the signature with the AWS SDK's own signer (@smithy/signature-v4) over the headers
 * the client signed, and compares. No hand-rolled canonicalisation or HMAC.
 */
export interface IncomingSignedRequest {
  method: string;
  /** Host header as received (host[:port]). */
  host: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: Buffer;
}

export type VerifyResult =
  | { ok: true; accessKeyId: string }
  | { ok: false; status: 401 | 403; error: string; message: string };

export interface VerifyOptions {
  /** Access key id -> secret key of the identities allowed to call. */
  credentials: Record<string, string>;
  /** The region the API is in: a signature scoped to another is refused, as API Gateway does. */
  region: string;
  service?: string;
  now?: Date;
  /** API Gateway rejects signatures more than 5 minutes off. */
  maxSkewMs?: number;
}

const authPattern =
  /^AWS4-HMAC-SHA256\s+Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/;

export async function verifySigV4(
  request: IncomingSignedRequest,
  options: VerifyOptions,
): Promise<VerifyResult> {
  const service = options.service ?? 'execute-api';
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const authorization = headers.authorization;
  if (!authorization) {
    return {
      ok: false,
      status: 401,
      error: 'missing-authentication',
      message: 'the request is not signed: sign it with AWS Signature Version 4 (service execute-api)',
    };
  }
  const match = authPattern.exec(authorization.trim());
  if (!match)
    return {
      ok: false,
      status: 403,
      error: 'invalid-signature',
      message: 'the Authorization header is not an AWS4-HMAC-SHA256 signature',
    };
  const [, accessKeyId = '', scopeDate, region = '', scopeService, signedHeaderList = '', signature = ''] =
    match;
  if (region !== options.region) {
    return {
      ok: false,
      status: 403,
      error: 'invalid-signature',
      message: `the credential scope names region "${region}", expected "${options.region}"`,
    };
  }
  if (scopeService !== service) {
    return {
      ok: false,
      status: 403,
      error: 'invalid-signature',
      message: `the credential scope names service "${scopeService}", expected "${service}"`,
    };
  }
  // Own keys only: an access key id of `constructor` or `__proto__` is not a key (it would read
  // Object.prototype's and fail signing with a 500).
  const secretAccessKey = Object.hasOwn(options.credentials, accessKeyId)
    ? options.credentials[accessKeyId]
    : undefined;
  if (!secretAccessKey)
    return {
      ok: false,
      status: 403,
      error: 'unknown-access-key',
      message: 'the security token included in the request is invalid',
    };

  const amzDate = headers['x-amz-date'];
  const signedAt = amzDate ? parseAmzDate(amzDate) : undefined;
  if (!signedAt || amzDate?.slice(0, 8) !== scopeDate) {
    return {
      ok: false,
      status: 403,
      error: 'invalid-signature',
      message: 'X-Amz-Date is missing, malformed, or does not match the credential scope',
    };
  }
  const now = options.now ?? new Date();
  const skew = Math.abs(now.getTime() - signedAt.getTime());
  if (skew > (options.maxSkewMs ?? 5 * 60_000)) {
    return {
      ok: false,
      status: 403,
      error: 'signature-expired',
      message: `the signature is ${Math.round(skew / 1000)} s old or ahead; at most 300 s are accepted`,
    };
  }

  const signedNames = signedHeaderList.split(';');
  if (!signedNames.includes('host'))
    return { ok: false, status: 403, error: 'invalid-signature', message: 'the host header must be signed' };
  // The signer takes a stated payload hash as given: only the body's own hash may stand there.
  // UNSIGNED-PAYLOAD (or a streaming marker) would let a body changed after signing pass.
  const contentHash = headers['x-amz-content-sha256'];
  if (contentHash && contentHash !== createHash('sha256').update(request.body).digest('hex')) {
    return {
      ok: false,
      status: 403,
      error: 'invalid-signature',
      message:
        contentHash === 'UNSIGNED-PAYLOAD' || contentHash.startsWith('STREAMING-')
          ? `the payload must be signed: X-Amz-Content-Sha256 "${contentHash}" is not accepted`
          : 'the body does not match X-Amz-Content-Sha256',
    };
  }
  const signedHeaders: Record<string, string> = {};
  for (const name of signedNames) {
    const value = name === 'host' ? request.host : headers[name];
    if (value === undefined)
      return {
        ok: false,
        status: 403,
        error: 'invalid-signature',
        message: `signed header "${name}" is missing`,
      };
    signedHeaders[name] = value;
  }

  // applyChecksum off: only the headers the client listed take part, exactly as they were sent.
  const signer = new SignatureV4({
    applyChecksum: false,
    credentials: { accessKeyId, secretAccessKey },
    region,
    service,
    sha256: Sha256,
  });
  const [hostname = '', port] = request.host.split(':');
  const expected = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname,
      ...(port ? { port: Number(port) } : {}),
      path: request.path,
      query: request.query,
      headers: signedHeaders,
      body: request.body.length > 0 ? request.body : undefined,
    },
    {
      signingDate: signedAt,
      signableHeaders: new Set(signedNames),
      signingRegion: region,
      signingService: service,
    },
  );
  const expectedSignature =
    /Signature=([0-9a-f]{64})/.exec(String(expected.headers.authorization))?.[1] ?? '';
  const same =
    expectedSignature.length === signature.length &&
    timingSafeEqual(Buffer.from(expectedSignature), Buffer.from(signature));
  if (!same) {
    return {
      ok: false,
      status: 403,
      error: 'invalid-signature',
      message: 'the request signature we calculated does not match the signature you provided',
    };
  }
  return { ok: true, accessKeyId };
}

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])),
  );
}
