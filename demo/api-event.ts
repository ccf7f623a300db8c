import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** A POST /v1/updates event as API Gateway (HTTP API, payload v2) hands it to the handler. */
export function apiEvent(body: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /v1/updates',
    rawPath: '/v1/updates',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: 'POST',
        path: '/v1/updates',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'lapor-paman-demo',
      },
      requestId: 'demo',
      routeKey: 'POST /v1/updates',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    body,
    isBase64Encoded: false,
  };
}
