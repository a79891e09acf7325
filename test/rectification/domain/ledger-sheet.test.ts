import { describe, expect, it } from 'vitest';
import { initialPolicySet } from '#deadlines/domain/time-limit-policies.ts';
import { addMonths } from '#rectification/domain/details.ts';
import {
  bandForDays,
  bandPeriods,
  checkLedgerRows,
  deadlineOf,
  readLedgerSheet,
  sourceOf,
} from '#rectification/domain/ledger-sheet.ts';

describe('the cells of a ledger', () => {
  it.each([
    ['中央督察', 'central-inspection'],
    ['中央生态环境保护督察', 'central-inspection'],
    ['省级督察', 'provincial-inspection'],
    ['自查自纠', 'self-check'],
    ['12369 信访投诉', 'complaint'],
    ['双随机、一公开', 'random-inspection'],
    ['self-check', 'self-check'],
    ['媒体曝光', undefined],
  ])('reads the source %s as %s', (cell, source) => {
    expect(sourceOf(cell)).toBe(source);
  });

  it.each([
    ['立行立改', { band: 'short-term' }],
    ['中期', { band: 'medium' }],
    ['长期坚持', { band: 'long-term' }],
    ['2026-12-31', { targetDate: '2026-12-31' }],
    ['2027/3/1', { targetDate: '2027-03-01' }],
    ['2027年2月底前', { targetDate: '2027-02-28' }],
    ['2026年底前', { targetDate: '2026-12-31' }],
    ['2026年2月30日', undefined],
    ['尽快', undefined],
  ])('reads the deadline %s', (cell, deadline) => {
    expect(deadlineOf(cell)).toEqual(deadline);
  });

  it('places a target date in the shortest band whose policy period reaches it', () => {
    const periods = bandPeriods(initialPolicySet);

    expect(periods).toEqual({ 'short-term': 30, medium: 180, 'long-term': 365 });
    expect([10, 30, 31, 180, 181, 900].map((days) => bandForDays(days, periods))).toEqual([
      'short-term',
      'short-term',
      'medium',
      'medium',
      'long-term',
      'long-term',
    ]);
  });

  it('adds months to a date, on the month’s last day when it has fewer', () => {
    expect(addMonths('2026-11-24', 6)).toBe('2027-05-24');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
  });
});

describe('reading a sheet', () => {
  it('skips the title above the heading row and names each bad cell by row and column', () => {
    const { rows } = readLedgerSheet([
      { line: 1, cells: ['整改台账'] },
      { line: 2, cells: ['序号', '问题来源', '问题描述', '责任单位', '整改措施', '整改时限'] },
      { line: 3, cells: ['1', '自查', '废水排口未规范设置。', '监察大队', '规范设置排口', '立行立改'] },
      { line: 4, cells: ['二', '媒体', '短', '', '', '2020-01-01'] },
    ]);
    const checked = checkLedgerRows(rows, { today: '2026-11-24', periodDays: bandPeriods(initialPolicySet) });

    expect(checked.checked.map((row) => [row.number, row.fields.band])).toEqual([[1, 'short-term']]);
    expect(checked.problems.map((problem) => problem.path)).toEqual([
      'xlsxBase64.4.number',
      'xlsxBase64.4.source',
      'xlsxBase64.4.description',
      'xlsxBase64.4.measures',
      'xlsxBase64.4.deadline',
    ]);
  });

  it('refuses a sheet without the ledger’s columns', () => {
    expect(readLedgerSheet([{ line: 1, cells: ['序号', '问题描述'] }]).problems[0]?.message).toMatch(/缺少列/);
  });
});
