import { describe, expect, it } from 'vitest';
import { noFigures } from '#inspections/domain/figures.ts';
import {
  openingOf,
  progressReport,
  type ReportInput,
  reportMarkdown,
  reportTitle,
} from '#statistics/domain/progress-report.ts';
import { aStatsTable, someFigures, someRates } from '../support/figures.ts';

const complaints = someFigures({
  received: 15,
  accepted: 12,
  rejected: 1,
  merged: 1,
  closed: 10,
  closedOnTime: 9,
  closedLate: 1,
  open: 3,
  openOverdue: 1,
  'closeDays=5': 8,
  'closeDays=12': 2,
});

const anInput = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  unitTitle: '示范市生态环境局',
  byDepartment: aStatsTable(),
  byKind: [{ key: 'complaint', ...complaints }],
  enforcement: noFigures,
  today: '2026-12-07',
  generatedAt: '2026年12月7日 09:30',
  ...overrides,
});

describe('the progress report', () => {
  it('is titled with the unit and the period, 生态环境 said once', () => {
    expect(reportTitle('示范市生态环境局', '2026-01-01', '2026-12-07')).toBe(
      '示范市生态环境局信访工作进展情况（2026年1月1日至2026年12月7日）',
    );
    expect(reportTitle('城东分局监察大队', '2026-03-01', '2026-03-31')).toBe(
      '城东分局监察大队生态环境信访工作进展情况（2026年3月1日至2026年3月31日）',
    );
  });

  it('opens with 今年以来 for this year to today, else 期间内', () => {
    expect(openingOf('2026-01-01', '2026-12-07', '2026-12-07')).toBe('今年以来');
    expect(openingOf('2026-03-01', '2026-03-31', '2026-12-07')).toBe('期间内');
    expect(openingOf('2026-01-01', '2026-11-30', '2026-12-07')).toBe('期间内');
  });

  it('gives the complaints’ figures in a bureau’s words, each rate with what it divides', () => {
    const [figures] = progressReport(anInput()).paragraphs;

    expect(figures).toBe(
      '今年以来，示范市生态环境局共收到群众信访件15件，其中受理12件、不予受理1件、合并办理1件、待受理1件。' +
        '已办结10件，办结率83.3%（已办结10件÷受理12件）；其中按期办结9件、超期办结1件，' +
        '按期办结率81.8%（按期办结9件÷（办结10件＋在办超期1件））。尚未办结3件，其中已超期1件。' +
        '办结件平均用时6.4个工作日，中位数5个工作日。' +
        '期间内办结的信访件回访10件，有效评价9件，群众满意度88.9%（满意及基本满意8件÷有效评价9件）；另有待评价1件，不计入满意度。',
    );
  });

  it('says a rate has no denominator rather than printing 0%', () => {
    const report = progressReport(
      anInput({
        byKind: [{ key: 'complaint', ...someFigures({ received: 2 }) }],
        byDepartment: aStatsTable({ satisfaction: someRates() }),
      }),
    );

    expect(report.paragraphs[0]).toBe(
      '今年以来，示范市生态环境局共收到群众信访件2件，其中待受理2件。尚无受理的信访件，办结率暂无。期间内办结的信访件尚无回访，群众满意度暂无。',
    );
    expect(report.paragraphs.join()).not.toContain('0%');
  });

  it('says so when surveys were made but none was answered', () => {
    const report = progressReport(
      anInput({ byDepartment: aStatsTable({ satisfaction: someRates({ pending: 2, noContact: 1 }) }) }),
    );

    expect(report.paragraphs[0]).toContain(
      '回访3件，尚无有效评价，群众满意度暂无；另有待评价2件、无联系方式1件，不计入满意度。',
    );
  });

  it('counts the other kinds of case apart, and the open cases by colour now', () => {
    const report = progressReport(
      anInput({
        byKind: [
          { key: 'complaint', ...complaints },
          { key: 'rectification', ...someFigures({ received: 2, closed: 1 }) },
          { key: 'task', ...someFigures({ received: 1 }) },
        ],
      }),
    );

    expect(report.paragraphs[1]).toBe(
      '此外，期间内示范市生态环境局还收到其他督办事项3件（整改2件、交办任务1件），已办结1件。',
    );
    expect(report.paragraphs[2]).toBe(
      '截至2026年12月7日，示范市生态环境局尚在办理的督办事项共3件（不限收到日期），其中红色（超期）1件、黄色（临期）1件、蓝色（正常）1件、尚未计时0件。',
    );
    expect(report.tableTitle).toBe('各单位办理情况（含各类督办事项）');
  });

  it('ends with the enforcement figures in a bureau’s words, the fine in 万元', () => {
    const report = progressReport(
      anInput({
        enforcement: {
          inspections: 500,
          inspectorVisits: 1200,
          casesFiled: 82,
          decisions: 42,
          penaltyFen: 60_050_000,
          transfers: 1,
          casesClosed: 40,
        },
      }),
    );

    expect(report.paragraphs.at(-1)).toBe(
      '今年以来，示范市生态环境局开展执法检查500次，出动执法人员1200人次，立案查处82件，下达处罚决定书42件，' +
        '罚款60.05万元，移送公安机关、司法机关1件，结案40件。',
    );
    expect(report.notes.at(-1)).toContain('执法检查、立案查处按发生日统计');
  });

  it('says 暂无 of the enforcement figures that are none, and a fine under 1万元 in 元', () => {
    const none = progressReport(anInput());
    const inspectionsOnly = progressReport(
      anInput({ enforcement: { ...noFigures, inspections: 3, inspectorVisits: 6 } }),
    );
    const casesOnly = progressReport(
      anInput({ enforcement: { ...noFigures, casesFiled: 2, decisions: 1, penaltyFen: 500_050 } }),
    );
    const noFine = progressReport(anInput({ enforcement: { ...noFigures, decisions: 1 } }));

    expect(none.paragraphs.at(-1)).toBe('今年以来，示范市生态环境局暂无执法检查和立案查处记录。');
    expect(inspectionsOnly.paragraphs.at(-1)).toBe(
      '今年以来，示范市生态环境局开展执法检查3次，出动执法人员6人次；暂无立案查处记录。',
    );
    expect(casesOnly.paragraphs.at(-1)).toBe(
      '今年以来，示范市生态环境局立案查处2件，下达处罚决定书1件，罚款5000.5元；暂无执法检查记录。',
    );
    expect(noFine.paragraphs.at(-1)).toBe('今年以来，示范市生态环境局下达处罚决定书1件；暂无执法检查记录。');
  });

  it('has a table with one row per department and a 合计 row, — where nothing divides', () => {
    const { table } = progressReport(anInput());

    expect(table.headers).toEqual([
      '单位',
      '收到',
      '受理',
      '办结',
      '办结率',
      '按期办结率',
      '在办',
      '其中超期',
      '平均办结工作日',
      '满意度',
    ]);
    expect(table.rows).toEqual([
      ['示范市生态环境局本级', '1', '0', '0', '—', '—', '0', '0', '—', '—'],
      ['城东分局', '12', '10', '8', '80%', '77.8%', '2', '1', '6.8', '87.5%'],
      ['城西分局', '3', '3', '3', '100%', '100%', '0', '0', '4', '—'],
      ['合计', '16', '13', '11', '84.6%', '83.3%', '3', '1', '6', '88.9%'],
    ]);
  });

  it('reads as Markdown: title, paragraphs, a table, the notes and the date', () => {
    const markdown = reportMarkdown(progressReport(anInput()));

    expect(markdown).toMatch(/^# 示范市生态环境局信访工作进展情况（2026年1月1日至2026年12月7日）\n\n今年以来，/);
    expect(markdown).toContain('## 各单位办理情况\n\n| 单位 | 收到 | 受理 |');
    expect(markdown).toContain('| --- | ---: | ---: |');
    expect(markdown).toContain('| 城东分局 | 12 | 10 | 8 | 80% | 77.8% | 2 | 1 | 6.8 | 87.5% |');
    expect(markdown).toContain('注：1. 统计口径');
    expect(markdown).toContain('办结率 = 办结数 ÷ 受理数');
    expect(markdown.trimEnd().endsWith('数据生成时间：2026年12月7日 09:30')).toBe(true);
  });
});
