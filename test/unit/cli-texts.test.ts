import { describe, expect, it } from 'vitest';
import { receivedMailLine } from '../../cli/commands/demo';
import { runCli } from '../support/cli';

// What a newcomer reads first: the help of `npm start` (demo) and `local` names every server they start,
// and the demo's closing line never sends anyone to a page that stopped with it.
describe('the texts of npm start and lapor-paman local', () => {
  const servers = [/DynamoDB Local/, /SES emulator/, /\bS3\b/, /\bSQS\b/];

  it('local --help names every server it starts', () => {
    const help = runCli(['local', '--help']);
    expect(help.status).toBe(0);
    for (const server of [...servers, /ingest API/, /scoreboard/]) expect(help.stdout).toMatch(server);
  });

  it('demo --help names every server it starts', () => {
    const help = runCli(['demo', '--help']);
    expect(help.status).toBe(0);
    for (const server of servers) expect(help.stdout.replace(/\s+/g, ' ')).toMatch(server);
  });

  it("points at the SES emulator's page only while it is up", () => {
    const url = 'http://127.0.0.1:8005/';
    expect(receivedMailLine(url, true)).toContain(url);
    expect(receivedMailLine(url, false)).not.toContain(url);
    expect(receivedMailLine(url, false)).toMatch(/--keep/);
  });
});
