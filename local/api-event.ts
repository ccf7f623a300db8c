import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithIAMAuthorizer } from 'aws-lambda';
import { localAccountId, localPrincipal } from './clients';

export interface ApiEventInput {
  method: string;
  /** Path with an optional query string, e.g. "/v1/complaints/X?full=1". */
  path: string;
  headers?: Record<string, string>;
  /** The raw body; sent base64-encoded when it is not UTF-8 text, as API Gateway does. */
  body?: string | Buffer;
  host?: string;
  sourceIp?: string;
  protocol?: string;
  /**
   * The caller's IAM ARN, as the gateway's IAM authorizer reports it.
   * @default the local stack's province-wide key `local`
   */
  principalArn?: string;
}

/**
 * An API Gateway HTTP API (payload format 2.0) event, as the gateway hands one to the Lambda: the
 * local server, the demo and the tests all feed the handler this same shape.
 */
export function apiGatewayEvent(input: ApiEventInput): APIGatewayProxyEventV2WithIAMAuthorizer {
  const url = new URL(input.path, `http://${input.host ?? 'localhost'}`);
  const headers = input.headers ?? {};
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const text = body?.toString('utf8');
  const isText = body === undefined || Buffer.from(text ?? '', 'utf8').equals(body);
  const now = new Date();
  const principalArn = input.principalArn ?? localPrincipal('local');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    queryStringParameters: Object.fromEntries(url.searchParams),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      authorizer: {
        iam: {
          accessKey: principalArn.replace(/^.*\//, ''),
          accountId: localAccountId,
          callerId: principalArn.replace(/^.*\//, ''),
          cognitoIdentity: null,
          principalOrgId: '',
          userArn: principalArn,
          userId: principalArn.replace(/^.*\//, ''),
        },
      },
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: input.method,
        path: url.pathname,
        protocol: input.protocol ?? 'HTTP/1.1',
        sourceIp: input.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body && body.length > 0
      ? { body: isText ? (text as string) : body.toString('base64'), isBase64Encoded: !isText }
      : { isBase64Encoded: false }),
  };
}
