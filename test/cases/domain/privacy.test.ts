import { describe, expect, it } from 'vitest';
import { viewComplainant } from '#cases/domain/privacy.ts';

const named = { anonymous: false, confidential: false, name: '李雷', phone: '13812345678', email: 'li@example.cn' };

describe('viewComplainant', () => {
  it('shows intake and the petition office the person, and marks the read as unmasked', () => {
    expect(viewComplainant(named, ['operator'])).toEqual({ ...named, unmasked: true });
    expect(viewComplainant({ ...named, confidential: true }, ['dispatcher']).name).toBe('李雷');
  });

  it('masks name, phone and email for other roles', () => {
    expect(viewComplainant(named, ['handler'])).toEqual({
      anonymous: false,
      confidential: false,
      name: '李**',
      phone: '138****5678',
      email: 'l***@example.cn',
      unmasked: false,
    });
  });

  it('hides a confidential complainant entirely from handlers, leads and supervisors', () => {
    for (const role of ['handler', 'lead', 'supervisor'] as const) {
      expect(viewComplainant({ ...named, confidential: true }, [role])).toEqual({
        anonymous: false,
        confidential: true,
        unmasked: false,
      });
    }
  });
});
