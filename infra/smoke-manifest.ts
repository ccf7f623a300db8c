/**
 * What the stateless stack's `SmokeManifest` output holds: the names the smoke test
 * (`lapor-paman smoke --stage <name>`) checks, so that it needs no CloudFormation access.
 */
export interface SmokeManifest {
  stage: string;
  region: string;
  /** The HTTP API's endpoint (https://<id>.execute-api.<region>.amazonaws.com). */
  apiUrl: string;
  tableName: string;
  deadlineCheckFunction: string;
  scheduleGroup: string;
  /** Whether the stage's schedules are meant to be enabled (config `schedulesEnabled`). */
  schedulesEnabled: boolean;
  schedules: string[];
  /** Queue name -> URL: the semester work queue and every dead-letter queue. */
  queues: Record<string, string>;
  alarms: string[];
}
