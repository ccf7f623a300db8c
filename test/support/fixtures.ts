import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { RosterEntry } from '../../functions/domain/roster';
import type { ComplaintUpdate } from '../../functions/domain/update';
import { apiGatewayEvent } from '../../local/api-event';

let counter = 0;

/** A valid update with sensible defaults; override what the test is about. */
export function anUpdate(overrides: Partial<ComplaintUpdate> = {}): ComplaintUpdate {
  counter += 1;
  return {
    trackingId: `T-${process.pid}-${counter}`,
    regencyCode: '6302',
    unit: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    category: 'Infrastruktur',
    classification: 'pengaduan-tidak-berkadar-pengawasan',
    status: 'belum-terverifikasi',
    occurredAt: '2026-06-01T09:00:00+08:00',
    sourceUpdateId: `U-${process.pid}-${counter}`,
    ...overrides,
  };
}

/** An API Gateway HTTP API (payload v2) event, as the gateway would pass it. */
export function apiEvent(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): APIGatewayProxyEventV2 {
  return apiGatewayEvent({ method, path, headers, ...(body === undefined ? {} : { body }) });
}

/** A roster entry in office since 2025, as the tests' rosters write them (who gets which mail). */
export function onRoster(code: string, role: RosterEntry['role'], name: string, email: string): RosterEntry {
  return { code, role, name, email, from: '2025-01-01', decree: 'SK' };
}
