import { describe, expect, it } from 'vitest';
import { formatCaseNumber } from '#cases/domain/case.ts';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import { newComplaintSchema } from '#intake/domain/complaint-input.ts';
import { registerComplaint } from '#intake/domain/register-complaint.ts';
import { ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import { aComplaint, aPrincipal } from '../../support/factories.ts';

const petitionOffice: OrgUnit = {
  id: 'city-petition',
  name: '信访办',
  kind: 'department',
  parentId: 'city',
  path: ['city', 'city-petition'],
};
const now = new Date('2026-11-24T02:00:00Z');
const ids = { caseId: '01KAAAAAAAAAAAAAAAAAAAAAAA', eventId: '01KBBBBBBBBBBBBBBBBBBBBBBB' };

describe('registerComplaint', () => {
  it('creates a registered complaint owned by the caller’s unit, with its first history entry and event', () => {
    const complaint = newComplaintSchema.parse(aComplaint());
    const result = registerComplaint({
      complaint,
      registrant: aPrincipal('operator', 'city-petition'),
      unit: petitionOffice,
      now,
      ids,
    });
    expect(result.case).toMatchObject({
      id: ids.caseId,
      kind: 'complaint',
      state: 'registered',
      version: 1,
      unitPath: ['city', 'city-petition'],
      receivedAt: now.toISOString(),
      createdBy: 'operator',
    });
    expect(result.history).toMatchObject({ sequence: 1, action: 'register', fromState: null, toState: 'registered' });
    expect(result.event).toEqual({
      sequence: 1,
      id: ids.eventId,
      type: 'complaint-registered',
      caseId: ids.caseId,
      occurredAt: now.toISOString(),
    });
  });

  it('keeps the receipt time given by the hotline, in UTC', () => {
    const complaint = newComplaintSchema.parse(aComplaint({ receivedAt: '2026-11-24T08:30:00+08:00' }));
    const result = registerComplaint({
      complaint,
      registrant: aPrincipal('hotline-system', 'city-petition'),
      unit: petitionOffice,
      now,
      ids,
    });
    expect(result.case.receivedAt).toBe('2026-11-24T00:30:00.000Z');
  });

  it('refuses a receipt time in the future', () => {
    const complaint = newComplaintSchema.parse(aComplaint({ receivedAt: '2026-11-25T08:30:00+08:00' }));
    expect(() =>
      registerComplaint({
        complaint,
        registrant: aPrincipal('operator', 'city-petition'),
        unit: petitionOffice,
        now,
        ids,
      }),
    ).toThrow(ValidationError);
  });

  it.each(['dispatcher', 'handler', 'lead', 'supervisor', 'admin'] as const)('refuses the %s role', (role) => {
    const complaint = newComplaintSchema.parse(aComplaint());
    expect(() =>
      registerComplaint({ complaint, registrant: aPrincipal(role, 'city'), unit: petitionOffice, now, ids }),
    ).toThrow(ForbiddenError);
  });
});

describe('formatCaseNumber', () => {
  it('pads the sequence to six digits', () => {
    expect(formatCaseNumber(2026, 123)).toBe('GL-2026-000123');
    // Each kind has a counter of its own, so its numbers say the kind: a task's 1 is not a complaint's 1.
    expect(formatCaseNumber(2026, 1, 'task')).toBe('GL-RW-2026-000001');
    expect(formatCaseNumber(2026, 1, 'rectification')).toBe('GL-ZG-2026-000001');
    expect(formatCaseNumber(2026, 1, 'help-plan')).toBe('GL-BF-2026-000001');
  });
});
