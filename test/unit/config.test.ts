import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../handlers/support/config';

const complete = {
  TABLE_NAME: 't',
  PROVINCE_CODE: '63',
  SENDER_ADDRESS: 'LAPOR Paman <noreply@example.go.id>',
};

describe('loadConfig', () => {
  it('names every missing variable at once', () => {
    expect(() => loadConfig({}, { email: true })).toThrow(/TABLE_NAME, PROVINCE_CODE, SENDER_ADDRESS/);
    expect(() => loadConfig({})).toThrow('missing environment variable(s): TABLE_NAME, PROVINCE_CODE');
    expect(() => loadConfig({ ...complete, TABLE_NAME: ' ' })).toThrow(ConfigError);
  });

  it('rejects a malformed province code or sender', () => {
    expect(() => loadConfig({ ...complete, PROVINCE_CODE: 'kalsel' })).toThrow(/PROVINCE_CODE/);
    expect(() => loadConfig({ ...complete, SENDER_ADDRESS: 'nobody' })).toThrow(/SENDER_ADDRESS/);
  });

  it('applies defaults for the optional values', () => {
    const config = loadConfig(complete);
    expect(config.slaPolicy).toBe('nasional');
    expect(config.dataDir).toMatch(/data$/);
  });
});
