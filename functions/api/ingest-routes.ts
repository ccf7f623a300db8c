import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { budgetWindow, clientBudgetMaxWaitMs } from '../domain/client-budget';
import { type ClientScope, mayWrite, principalKey } from '../domain/client-scope';
import { computeSla } from '../domain/sla';
import type { ClientWriteBudget } from '../ports/client-budget';
import type { ClientRegistry } from '../ports/client-registry';
import type { ComplaintStore } from '../ports/complaint-store';
import { type IngestDeps, type ItemResult, ingestBatch } from '../use-cases/ingest-updates';
import { decodePathSegment, json, malformedPath, problem } from './http';

/** Limits of POST /v1/updates, stated in errors and in the README. */
export const limits = { maxBodyBytes: 1024 * 1024, maxItems: 500 } as const;

export interface ApiDeps extends IngestDeps {
  store: ComplaintStore;
  clients: ClientRegistry;
  /** Each client's updates a second, shared by all instances. Absent: no per-client budget (tests). */
  budget?: ClientWriteBudget;
  /** Waits (the budget's next second); injected so that tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
}

/** The caller API Gateway's IAM authorizer verified (payload v2: requestContext.authorizer.iam). */
export function callerOf(event: APIGatewayProxyEventV2): string | undefined {
  const context = event.requestContext as { authorizer?: { iam?: { userArn?: string } } };
  return context.authorizer?.iam?.userArn || undefined;
}

/**
 * The ingest HTTP API, independent of Lambda: API Gateway (HTTP API, payload v2) in AWS, and the
 * local server in `lapor-paman local`, both call this with the same event shape.
 */
export async function handleApiRequest(
  deps: ApiDeps,
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method.toUpperCase();
  const path = event.rawPath.replace(/\/+$/, '') || '/';
  const route =
    path === '/v1/updates'
      ? method === 'POST'
        ? 'post'
        : 'not-post'
      : /^\/v1\/complaints\/[^/]+$/.test(path)
        ? method === 'GET'
          ? 'get'
          : 'not-get'
        : undefined;
  if (route === 'not-post') return methodNotAllowed('POST');
  if (route === 'not-get') return methodNotAllowed('GET');
  if (route) {
    const caller = callerOf(event);
    if (!caller) {
      return problem(403, 'no-caller-identity', 'the request carries no IAM caller; sign it with SigV4');
    }
    const scope = await deps.clients.scopeOf(caller);
    if (!scope) {
      return problem(
        403,
        'client-not-registered',
        `${principalKey(caller)} is not a registered ingest client: an operator registers it with its regencies (lapor-paman clients grant)`,
      );
    }
    if (route === 'post') return postUpdates(deps, event, scope, principalKey(caller));
    const trackingId = decodePathSegment(path.slice('/v1/complaints/'.length));
    return trackingId === undefined ? malformedPath(path) : getComplaint(deps, trackingId, scope);
  }
  return problem(
    404,
    'not-found',
    `no route for ${method} ${path}; the API has POST /v1/updates and GET /v1/complaints/{trackingId}`,
  );
}

function methodNotAllowed(allowed: string) {
  return {
    ...problem(405, 'method-not-allowed', `use ${allowed} on this path`),
    headers: { allow: allowed, 'content-type': 'application/json; charset=utf-8' },
  };
}

async function postUpdates(
  deps: ApiDeps,
  event: APIGatewayProxyEventV2,
  scope: ClientScope,
  principal: string,
) {
  const contentType = headerValue(event, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    return problem(
      415,
      'unsupported-media-type',
      `send the updates as application/json (got "${contentType || 'no content type'}")`,
    );
  }
  const raw = event.body
    ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8')
    : Buffer.alloc(0);
  if (raw.length > limits.maxBodyBytes) {
    return problem(
      413,
      'body-too-large',
      `the body is ${raw.length} bytes; the limit is ${limits.maxBodyBytes} bytes`,
      {
        limitBytes: limits.maxBodyBytes,
      },
    );
  }
  if (raw.length === 0)
    return problem(400, 'empty-body', 'the body is empty; send one update or {"updates": [...]}');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    return problem(400, 'malformed-json', `the body is not valid JSON: ${(error as Error).message}`);
  }
  const items = asItems(parsed);
  if (!items) {
    return problem(400, 'wrong-shape', 'send one update object, an array of updates, or {"updates": [...]}');
  }
  if (items.length === 0) return problem(400, 'no-updates', 'the batch holds no updates');
  if (items.length > limits.maxItems) {
    return problem(
      413,
      'too-many-items',
      `the batch holds ${items.length} updates; the limit is ${limits.maxItems}`,
      {
        limitItems: limits.maxItems,
      },
    );
  }
  const results = deps.budget
    ? await withinBudget(deps, deps.budget, principal, items, scope)
    : await ingestBatch(deps, items, 'api', { scope });
  const summary = summarize(results);
  const accepted = results.length - summary.rejected - summary.failed;
  const statusCode =
    summary.failed > 0
      ? accepted > 0 || summary.rejected > 0
        ? 207
        : 503
      : summary.rejected === 0
        ? 200
        : accepted > 0
          ? 207
          : 422;
  return json(statusCode, { summary, results }, summary.failed > 0 ? { 'retry-after': '5' } : {});
}

/**
 * Writes a batch at most the client's budget a second, a second's budget at a time (issue 23,
 * finding 5): one client cannot take the table's write ceiling from the daily check and the other
 * regencies' imports. A request waits for the next second up to {@link clientBudgetMaxWaitMs};
 * what is left then is answered `failed` (retryable, the response says when to retry), never
 * dropped.
 */
async function withinBudget(
  deps: ApiDeps,
  budget: ClientWriteBudget,
  principal: string,
  items: readonly unknown[],
  scope: ClientScope,
): Promise<ItemResult[]> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const results: ItemResult[] = [];
  let waited = 0;
  let next = 0;
  while (next < items.length) {
    const size = Math.min(budget.perSecond, items.length - next);
    // Real seconds, whatever the domain clock says (a replay or a test's fixed clock).
    const { window, msToNext } = budgetWindow(new Date());
    if (await budget.take(principal, window, size)) {
      const chunk = await ingestBatch(deps, items.slice(next, next + size), 'api', { scope });
      results.push(...chunk.map((r) => ({ ...r, index: r.index + next })));
      next += size;
      continue;
    }
    if (waited + msToNext > clientBudgetMaxWaitMs) break;
    await sleep(msToNext);
    waited += msToNext;
  }
  for (let index = next; index < items.length; index++) {
    const item = items[index] as { trackingId?: unknown; sourceUpdateId?: unknown } | null;
    results.push({
      index,
      result: 'failed',
      trackingId: typeof item?.trackingId === 'string' ? item.trackingId : '',
      sourceUpdateId: typeof item?.sourceUpdateId === 'string' ? item.sourceUpdateId : '',
      message: `this client's write budget (${budget.perSecond} updates a second) is spent; send the rest again`,
      retryable: true,
    });
  }
  return results;
}

function asItems(parsed: unknown): unknown[] | undefined {
  if (Array.isArray(parsed)) return parsed;
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  if ('updates' in parsed) {
    const updates = (parsed as { updates: unknown }).updates;
    return Array.isArray(updates) ? updates : undefined;
  }
  return [parsed];
}

export function summarize(results: readonly ItemResult[]) {
  const summary = { created: 0, applied: 0, duplicate: 0, stale: 0, rejected: 0, failed: 0 };
  for (const r of results) summary[r.result] += 1;
  return summary;
}

async function getComplaint(deps: ApiDeps, trackingId: string, scope: ClientScope) {
  const { snapshot, events } = await deps.store.getHistory(trackingId);
  // Another regency's complaint is answered exactly as a missing one: whether a tracking id exists,
  // and whose it is, is not this client's to learn.
  if (!snapshot || !mayWrite(scope, snapshot.regencyCode)) {
    return problem(404, 'complaint-not-found', `no complaint with tracking id "${trackingId}"`);
  }
  const sla = computeSla(
    snapshot.timeline,
    deps.sla.policy,
    deps.sla.calendar,
    deps.clock(),
    snapshot.submittedAt,
  );
  const { timeline: _timeline, dueHint: _dueHint, ...complaint } = snapshot;
  return json(200, {
    complaint,
    sla,
    history: events.map(({ receivedAt, source, ...e }) => ({ ...e, receivedAt, source })),
  });
}

function headerValue(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const entry = Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name);
  return entry?.[1];
}
