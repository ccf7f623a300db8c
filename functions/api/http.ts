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

/**
 * A path segment decoded, or undefined when its percent-encoding is malformed ("%E0%A4%A"): the
 * caller answers 400, where `decodeURIComponent` would throw and end in a 500.
 */
export function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The 400 for a path whose percent-encoding cannot be decoded. */
export function malformedPath(path: string) {
  return problem(
    400,
    'malformed-path',
    `the path ${JSON.stringify(path.slice(0, 200))} has a malformed percent-encoding; encode each byte as %XX (UTF-8)`,
  );
}
