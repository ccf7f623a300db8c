import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { traceClient } from './tracing';

/**
 * SDK clients, created once per container. Endpoints come from the SDK's own environment
 * variables (AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SES), so local runs need no code path.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let sesClient: SESClient | undefined;

export function getDocumentClient(): DynamoDBDocumentClient {
  documentClient ??= createDocumentClient(traceClient(new DynamoDBClient({})));
  return documentClient;
}

export function getSesClient(): SESClient {
  // Adaptive retry backs off and slows down on ThrottlingException (SES sending-rate limits). Each
  // attempt gives up after 3 s to connect and 10 s for the answer: a send that hangs fails within
  // about 80 seconds, well inside the ledger claim's lease (staleClaimMs) and the function's timeout,
  // instead of holding its claim until Lambda kills the invocation (docs/exactly-once.md).
  sesClient ??= traceClient(
    new SESClient({
      retryMode: 'adaptive',
      maxAttempts: 6,
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
    }),
  );
  return sesClient;
}

/** Wraps a low-level client with the marshalling options the adapters rely on. */
export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
