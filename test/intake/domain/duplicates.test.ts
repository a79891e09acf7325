import { describe, expect, it } from 'vitest';
import type { ComplaintDetails } from '#cases/domain/case.ts';
import { findDuplicateCandidates } from '#intake/domain/duplicates.ts';
import { aCase } from '../../support/cases.ts';

const complaint = (overrides: Partial<ComplaintDetails> = {}): ComplaintDetails => ({
  channel: 'hotline',
  place: { address: '建设路 18 号', town: '城东街道', coordinates: { latitude: 31.4306, longitude: 119.4856 } },
  source: { name: '某某金属制品有限公司', uscc: '91350100M000100Y43' },
  category: 'noise',
  description: '夜间噪声扰民。',
  urgency: 'normal',
  ...overrides,
});

const earlier = (id: string, details: ComplaintDetails, state: 'registered' | 'merged' = 'registered') =>
  aCase({ id, number: `GL-2026-${id}`, state, complaint: details });

describe('findDuplicateCandidates', () => {
  it('flags the same enterprise, the same address and a place within 300 m, with the reasons', () => {
    const candidates = findDuplicateCandidates(complaint(), [
      earlier('000001', complaint()),
      earlier('000002', complaint({ source: { name: '另一家工厂' }, place: { address: '建设路18号' } })),
      earlier(
        '000003',
        complaint({
          source: undefined,
          place: { address: '别处', coordinates: { latitude: 31.4316, longitude: 119.4856 } },
        }),
      ),
    ]);
    expect(candidates).toEqual([
      { caseId: '000001', number: 'GL-2026-000001', reasons: ['同一被反映企业（信用代码相同）', '同一地点'] },
      { caseId: '000002', number: 'GL-2026-000002', reasons: ['同一地点'] },
      { caseId: '000003', number: 'GL-2026-000003', reasons: ['地点相距约 111 米'] },
    ]);
  });

  it('ignores other categories, distant places, and complaints already merged', () => {
    const candidates = findDuplicateCandidates(complaint(), [
      earlier('000004', complaint({ category: 'air' })),
      earlier(
        '000005',
        complaint({ source: undefined, place: { address: '远处', coordinates: { latitude: 31.5, longitude: 119.5 } } }),
      ),
      earlier('000006', complaint(), 'merged'),
    ]);
    expect(candidates).toEqual([]);
  });
});
