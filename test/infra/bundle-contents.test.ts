import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HouseFunction } from '../../infra/constructs/house-function';
import { cdkJsonContext } from './app-fixture';

/**
 * What the deployed bundles carry, built by the house construct exactly as `cdk synth` builds them.
 * Each marker is a string only the named code contains; bench/bundles.ts reports the sizes.
 */
const markers = {
  // @aws-sdk/credential-provider-node's default chain (it pulls in the SSO, STS and sign-in clients).
  credentialChain: 'defaultProvider::fromSSO',
  // nodemailer's MailComposer and its table of MIME types.
  mimeComposer: 'application/vnd.openxmlformats-officedocument',
  // zod's error messages in other languages (imported with `import { z } from 'zod'`).
  zodLocales: 'Eingabe: erwartet',
  // luxon (about 70 KB): the ingest path needs only WITA's fixed offset and plain dates.
  luxon: 'Invalid DateTime',
};

const bundles: Record<string, string> = {};

beforeAll(() => {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'lapor-paman-bundles-'));
  const app = new App({ outdir, context: cdkJsonContext(), builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Bundles', { env: { region: 'ap-southeast-3' } });
  const entries = { ingest: 'handlers/ingest-api.ts', start: 'handlers/semester-start.ts' };
  const fns = Object.entries(entries).map(
    ([id, entry]) =>
      [
        id,
        new HouseFunction(stack, id, { entry, description: id, logRetention: RetentionDays.ONE_DAY }),
      ] as const,
  );
  const resources = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  for (const [id, fn] of fns) {
    const key = (
      resources[stack.getLogicalId(fn.node.defaultChild as never)] as {
        Properties: { Code: { S3Key: string } };
      }
    ).Properties.Code.S3Key;
    bundles[id] = readFileSync(path.join(outdir, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs'), 'utf8');
  }
}, 180_000);

/** Whether a bundle contains a marker; the bundle itself is too long to print in a failure. */
const carries = (id: string, marker: keyof typeof markers) => (bundles[id] ?? '').includes(markers[marker]);

describe('the deployed bundles', () => {
  it('carry neither the default credential chain nor zod locales', () => {
    for (const id of Object.keys(bundles)) {
      expect(carries(id, 'credentialChain'), `${id}: credential chain`).toBe(false);
      expect(carries(id, 'zodLocales'), `${id}: zod locales`).toBe(false);
    }
  });

  it('carry the MIME composer only where mail is sent', () => {
    expect(carries('ingest', 'mimeComposer')).toBe(false);
    expect(carries('start', 'mimeComposer')).toBe(false);
  });

  it('keep luxon out of the ingest API, whose calendar needs no time-zone library', () => {
    expect(carries('ingest', 'luxon')).toBe(false);
  });

  it('keep the ingest API within the 400 KB of issue 14', () => {
    expect(Buffer.byteLength(bundles.ingest ?? '')).toBeLessThanOrEqual(400_000);
  });
});
