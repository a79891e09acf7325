import { describe, expect, it } from 'vitest';
import type { Case, Transfer } from '#cases/domain/case.ts';
import {
  recordTransfer,
  recordTransferOutcome,
  type TransferInput,
  transferInputSchema,
  transferOutcomeInputSchema,
} from '#cases/domain/transfers.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#platform/domain/errors.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { aCase, demoAssignment } from '../../support/cases.ts';
import { aPrincipal } from '../../support/factories.ts';

const now = new Date('2026-12-07T02:00:00.000Z');
const context = { now, transferId: () => '01KTRANSFERAAAAAAAAAAAAAAA' };
const dispatcher = aPrincipal('dispatcher', 'city-petition');
const toPolice: TransferInput = {
  date: '2026-12-05',
  body: 'police',
  bodyName: '市公安局城东分局',
  reference: '示环移〔2026〕1号',
  summary: '企业涉嫌非法倾倒危险废物',
};

const problemsOf = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    if (error instanceof ValidationError) return error.errors.map((problem) => problem.path);
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('recording a transfer (recordTransfer)', () => {
  it('adds the transfer to the case, one version on, with a history entry that does not change the state', () => {
    const item = aCase({ state: 'in-progress', assignment: demoAssignment, version: 4, historyLength: 4 });

    const { changes, events } = recordTransfer(item, toPolice, dispatcher, context);

    const [change] = changes;
    expect(change?.after.state).toBe('in-progress');
    expect(change?.after.version).toBe(5);
    expect(change?.after.transfers).toEqual([
      {
        id: '01KTRANSFERAAAAAAAAAAAAAAA',
        at: '2026-12-07T02:00:00.000Z',
        ...toPolice,
        by: 'dispatcher',
      },
    ]);
    expect(change?.history).toMatchObject({
      sequence: 5,
      action: 'transfer',
      actor: 'dispatcher',
      role: 'dispatcher',
      fromState: 'in-progress',
      toState: 'in-progress',
    });
    expect(events).toEqual([]);
  });

  it.each(['rectification', 'task', 'help-plan'] as const)('applies to a case of kind %s in any state', (kind) => {
    const item = aCase({ kind, state: 'closed', complaint: undefined });

    const { changes } = recordTransfer(item, { ...toPolice, body: 'discipline' }, dispatcher, context);

    expect(changes[0]?.after.transfers?.[0]?.body).toBe('discipline');
  });

  it('records an outcome given at once, on today when its day is omitted', () => {
    const { changes } = recordTransfer(aCase(), { ...toPolice, outcome: '已立案侦查' }, dispatcher, context);

    expect(changes[0]?.after.transfers?.[0]).toMatchObject({ outcome: '已立案侦查', outcomeAt: '2026-12-07' });
  });

  it('refuses a day after today (Beijing), and an outcome day before the transfer or without an outcome', () => {
    expect(problemsOf(() => recordTransfer(aCase(), { ...toPolice, date: '2026-12-08' }, dispatcher, context))).toEqual(
      ['date'],
    );
    expect(
      problemsOf(() => recordTransfer(aCase(), { ...toPolice, outcomeAt: '2026-12-01' }, dispatcher, context)),
    ).toEqual(['outcome', 'outcomeAt']);
  });

  it('refuses other roles, cases outside the caller’s units, and a stale version', () => {
    expect(() => recordTransfer(aCase(), toPolice, aPrincipal('handler', 'city-petition'), context)).toThrow(
      ForbiddenError,
    );
    expect(() => recordTransfer(aCase(), toPolice, aPrincipal('lead', 'east'), context)).toThrow(ForbiddenError);
    expect(() => recordTransfer(aCase(), toPolice, aPrincipal('supervisor', 'city'), context)).not.toThrow();
    expect(() => recordTransfer(aCase({ version: 3 }), { ...toPolice, version: 2 }, dispatcher, context)).toThrow(
      ConflictError,
    );
  });
});

describe('the transfer schemas', () => {
  it('name each bad field', () => {
    const bad = { date: '7/12/2026', body: 'court', summary: '\u0001企业', extra: 1 };

    const paths = problemsOf(() => parseWith(transferInputSchema, bad));

    expect(paths.sort()).toEqual(['body', 'date', 'extra', 'summary']);
    expect(problemsOf(() => parseWith(transferOutcomeInputSchema, {}))).toEqual(['outcome']);
  });
});

describe('recording a transfer’s outcome (recordTransferOutcome)', () => {
  const transfer: Transfer = {
    id: '01KTRANSFERAAAAAAAAAAAAAAA',
    at: '2026-12-05T02:00:00.000Z',
    date: '2026-12-05',
    body: 'police',
    summary: '企业涉嫌非法倾倒危险废物',
    by: 'dispatcher',
  };
  const item: Case = aCase({ transfers: [transfer], version: 2, historyLength: 2 });

  it('sets the outcome and keeps the one it replaces in the history', () => {
    const first = recordTransferOutcome(item, transfer.id, { outcome: '已立案侦查' }, dispatcher, { now });
    const corrected = first.changes[0]?.after as Case;

    const second = recordTransferOutcome(
      corrected,
      transfer.id,
      { outcome: '已移送起诉', outcomeAt: '2026-12-06' },
      dispatcher,
      {
        now,
      },
    );

    expect(second.changes[0]?.after.transfers).toEqual([
      { ...transfer, outcome: '已移送起诉', outcomeAt: '2026-12-06' },
    ]);
    expect(second.changes[0]?.history).toMatchObject({
      action: 'transfer-outcome',
      sequence: 4,
      changes: { transferId: transfer.id, previousOutcome: '已立案侦查', previousOutcomeAt: '2026-12-07' },
    });
  });

  it('refuses an unknown transfer and an outcome before the transfer', () => {
    expect(() =>
      recordTransferOutcome(item, '01KZZZZZZZZZZZZZZZZZZZZZZZ', { outcome: '已立案' }, dispatcher, { now }),
    ).toThrow(NotFoundError);
    expect(
      problemsOf(() =>
        recordTransferOutcome(item, transfer.id, { outcome: '已立案', outcomeAt: '2026-12-04' }, dispatcher, { now }),
      ),
    ).toEqual(['outcomeAt']);
  });
});
