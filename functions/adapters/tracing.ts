import type { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * X-Ray tracing, where a stage asks for it (cdk.json `tracing`). The Powertools Tracer pulls the
 * X-Ray SDK into the bundle: the CDK compiles `process.env.LAPOR_PAMAN_TRACING` to a constant
 * (infra/constructs/house-function.ts tracingDefine), so with tracing off esbuild drops this
 * import and the bundle carries none of it. Locally and in tests the variable is unset: off.
 */
export const tracer: Tracer | undefined =
  process.env.LAPOR_PAMAN_TRACING === 'true'
    ? new (await import('@aws-lambda-powertools/tracer')).Tracer()
    : undefined;

/** The SDK client, with its calls recorded as X-Ray subsegments when tracing is on. */
export function traceClient<T>(client: T): T {
  return tracer ? tracer.captureAWSv3Client(client) : client;
}

/**
 * Wraps a Lambda handler in a `## <name>` subsegment annotated with the cold start, recording an
 * error (never the event or the response: they can hold complaint text). Without tracing the
 * handler is returned as it is.
 */
export function traced<E, C, R>(name: string, handler: (event: E, context: C) => Promise<R>) {
  const t = tracer;
  if (!t) return handler;
  return async (event: E, context: C): Promise<R> => {
    const segment = t.getSegment();
    const sub = segment?.addNewSubsegment(`## ${name}`);
    if (sub) t.setSegment(sub);
    t.annotateColdStart();
    t.addServiceNameAnnotation();
    try {
      return await handler(event, context);
    } catch (error) {
      t.addErrorAsMetadata(error as Error);
      throw error;
    } finally {
      sub?.close();
      if (segment) t.setSegment(segment);
    }
  };
}
