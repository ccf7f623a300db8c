import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { sendEmail } from '../../functions/adapters/ses-mailer';
import { tableDefinition } from '../../functions/adapters/table-definition';
import { startDynamoDbLocal } from '../../local/dynamodb-local';
import { findJava, JavaMissingError } from '../../local/java';
import { startSesLocal } from '../../local/ses-local';
import { freshTable, localDynamoDbClient, localSesClient, receivedMail } from '../support/local-aws';

const ddb = localDynamoDbClient();
const ses = localSesClient();
afterAll(() => {
  ddb.destroy();
  ses.destroy();
});

describe('the local table', () => {
  it('exists with the keys and indexes of the table definition', async () => {
    const tableName = await freshTable();
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((g) => ({
      indexName: g.IndexName,
      partitionKey: g.KeySchema?.find((k) => k.KeyType === 'HASH')?.AttributeName,
      sortKey: g.KeySchema?.find((k) => k.KeyType === 'RANGE')?.AttributeName,
      projection: g.Projection?.ProjectionType,
    }));
    expect(indexes.sort((a, b) => String(a.indexName).localeCompare(String(b.indexName)))).toEqual(
      [...tableDefinition.globalSecondaryIndexes].sort((a, b) => a.indexName.localeCompare(b.indexName)),
    );
  });
});

describe('the SES emulator', () => {
  it('receives a raw e-mail with its PDF attachment intact', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% test attachment \u00e9\n%%EOF\n', 'latin1');
    const to = `bupati-${Date.now()}@tanahlaut.example.go.id`;
    const messageId = await sendEmail(ses, {
      from: 'LAPOR Paman <noreply@kalselprov.example.go.id>',
      to: [to],
      subject: 'Laporan Evaluasi Semester I 2026 — Kabupaten Tanah Laut',
      text: 'Terlampir laporan evaluasi.',
      attachments: [{ filename: 'evaluasi-6301-2026-H1.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    const [mail] = await receivedMail(to);
    expect(mail?.messageId).toBe(messageId);
    expect(mail?.subject).toBe('Laporan Evaluasi Semester I 2026 — Kabupaten Tanah Laut');
    expect(mail?.attachments).toHaveLength(1);
    expect(mail?.attachments[0]?.filename).toBe('evaluasi-6301-2026-H1.pdf');
    expect(Buffer.from(mail?.attachments[0]?.content ?? '', 'base64').equals(pdf)).toBe(true);
  });
});

describe('starting the servers', () => {
  it('moves to a free port when the preferred one is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const dynamodb = await startDynamoDbLocal({ port: taken });
      const sesLocal = await startSesLocal({ port: taken });
      try {
        expect(dynamodb.port).not.toBe(taken);
        expect(sesLocal.port).not.toBe(taken);
        const client = new DynamoDBClient({
          endpoint: dynamodb.endpoint,
          region: 'local',
          credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
        });
        const { TableNames } = await client.send(new ListTablesCommand({}));
        client.destroy();
        expect(TableNames).toEqual([]);
        expect((await fetch(`${sesLocal.endpoint}/health-check`)).status).toBe(200);
      } finally {
        await Promise.all([dynamodb.stop(), sesLocal.stop()]);
      }
    } finally {
      blocker.close();
    }
  });

  it('explains how to install Java when there is none', () => {
    expect(() => findJava({ PATH: '/nonexistent' })).toThrow(JavaMissingError);
    expect(() => findJava({ PATH: '/nonexistent' })).toThrow(
      /Java 17 or newer.*\n.*\n.*apt-get install -y openjdk-17-jre-headless/,
    );
  });

  it('makes the CLI exit non-zero with that message when Java is missing', () => {
    // A PATH that holds node and nothing else.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'nojava-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const result = spawnSync(process.execPath, ['bin/lapor-paman.mjs', 'local', '--in-memory'], {
      env: { PATH: bin, HOME: os.tmpdir() },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('DynamoDB Local needs Java 17 or newer');
    expect(result.stderr).toContain('openjdk-17-jre-headless');
  });
});
