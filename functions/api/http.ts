import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** A JSON response; every error body has `error` (a stable code) and `message` (for people). */
export function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function problem(
  statusCode: number,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return json(statusCode, { error, message, ...extra });
}
