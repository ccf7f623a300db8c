import { describe, expect, it } from 'vitest';
import { describeScope, isPrincipalArn, mayWrite, principalKey } from '../../functions/domain/client-scope';

describe('principalKey', () => {
  it('maps every session of a role to the role, and drops IAM paths', () => {
    expect(principalKey('arn:aws:sts::123456789012:assumed-role/lapor-6302/botocore-session-1')).toBe(
      'arn:aws:iam::123456789012:role/lapor-6302',
    );
    expect(principalKey('arn:aws:iam::123456789012:role/integrations/lapor-6302')).toBe(
      'arn:aws:iam::123456789012:role/lapor-6302',
    );
    expect(principalKey('arn:aws:iam::123456789012:user/kalsel/sync')).toBe(
      'arn:aws:iam::123456789012:user/sync',
    );
    expect(principalKey('arn:aws-cn:iam::123456789012:user/sync')).toBe(
      'arn:aws-cn:iam::123456789012:user/sync',
    );
  });

  it('leaves other principals as they are, and never registers them', () => {
    expect(principalKey('arn:aws:iam::123456789012:root')).toBe('arn:aws:iam::123456789012:root');
    expect(isPrincipalArn('arn:aws:iam::123456789012:root')).toBe(false);
    expect(isPrincipalArn('lapor-6302')).toBe(false);
    expect(isPrincipalArn('arn:aws:iam::123456789012:role/lapor-6302')).toBe(true);
    expect(isPrincipalArn('arn:aws:sts::123456789012:assumed-role/r/s')).toBe(true);
  });
});

describe('a client scope', () => {
  it('allows its regencies only, or the whole province when said so', () => {
    expect(mayWrite({ regencies: ['6302'] }, '6302')).toBe(true);
    expect(mayWrite({ regencies: ['6302'] }, '6301')).toBe(false);
    expect(mayWrite({ regencies: [] }, '6301')).toBe(false);
    expect(mayWrite({ province: true }, '6371')).toBe(true);
  });

  it('is described in words for error messages', () => {
    expect(describeScope({ regencies: ['6302'] })).toBe('regency 6302');
    expect(describeScope({ regencies: ['6301', '6302'] })).toBe('regencies 6301, 6302');
    expect(describeScope({ province: true })).toBe('the whole province');
  });
});
