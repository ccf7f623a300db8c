import { describe, expect, it } from 'vitest';
import { emailChannel, ledgerKeys } from '../../functions/domain/ledger-keys';

/** Every kind of key, on a channel. */
const keysOn = (channel: string) => [
  ledgerKeys.digest('2026-03-02', '6301', channel),
  ledgerKeys.escalationNotice('2026-03-02', '6301', channel),
  ledgerKeys.provinceDigest('2026-03-02', '63', channel),
  ledgerKeys.escalation('6301', '2026-02-05T15:59:59.999Z', 'LP-1', 'verification', 2, channel),
  ledgerKeys.handover('6303', '2026-03-02', 'Admin.Baru@Banjar.example', channel),
  ledgerKeys.handoverNotice('6303', '2026-03-02', 'Admin.Baru@Banjar.example', channel),
  ledgerKeys.report('2026-H1', '6301', 'Bupati@TanahLaut.example', channel),
];

describe('the ledger keys', () => {
  it('keep for e-mail the keys written before channels existed, so a re-run after deploy finds them', () => {
    expect(emailChannel).toBe('email');
    expect(keysOn('email')).toEqual([
      { pk: 'LEDGER#DIGEST#2026-03-02', sk: '6301' },
      { pk: 'LEDGER#ESCALATION#2026-03-02', sk: '6301' },
      { pk: 'LEDGER#PROVINCE#2026-03-02', sk: '63' },
      { pk: 'ESC#6301', sk: '2026-02-05T15:59:59.999Z#LP-1#verification#2' },
      { pk: 'LEDGER#HANDOVER#6303', sk: '2026-03-02#admin.baru@banjar.example' },
      { pk: 'LEDGER#HANDOVER#6303', sk: '2026-03-02#admin.baru@banjar.example#notice' },
      { pk: 'LEDGER#REPORT#2026-H1', sk: '6301#bupati@tanahlaut.example' },
    ]);
  });

  it("give another channel keys of its own, beside e-mail's, in the same partitions", () => {
    const email = keysOn('email');
    const chat = keysOn('chat');
    chat.forEach((key, i) => {
      expect(key.pk).toBe(email[i]?.pk);
      expect(key.sk).toBe(`${email[i]?.sk}~chat`);
    });
    expect(new Set(chat.map((k) => `${k.pk}|${k.sk}`)).size).toBe(chat.length);
  });

  it("keep another channel's escalation within the range a run reads by due instant", () => {
    const due = '2026-02-05T15:59:59.999Z';
    const { sk } = ledgerKeys.escalation('6301', due, 'LP-1', 'verification', 2, 'chat');
    // The daily check reads a regency's escalations from the first due instant to the last + "~".
    expect(sk >= due && sk <= `${due}~`).toBe(true);
  });
});
