/**
 * The progress report of a unit and period (GET /v1/reports/progress), worded as a bureau's report of its petition
 * work: a title, a paragraph of the complaints' figures ("今年以来，共收到群众信访件N件……办结率X%……群众满意度Y%"),
 * the other kinds of case, the open cases by colour now, the enforcement figures ("开展执法检查N次，出动执法人员M人次，
 * 立案查处K件……"), a table by department, and notes on how each rate is counted.
 *
 * Honest wording: every rate is given with what it divides ("办结率95%（已办结19件÷受理20件）"), and a rate with no
 * denominator is said to be none ("暂无"), never printed as 0%. Pure: the figures come in (`readStats`, read twice —
 * by department and by kind), the text goes out; services/report-files.ts writes it as Markdown or Word.
 */
import { caseKindLabels } from '#cases/domain/labels.ts';
import type { Figures as EnforcementCounts } from '#inspections/domain/figures.ts';
import type { Rate } from '#platform/domain/rate.ts';
import type { SurveyRates } from '#surveys/domain/figures.ts';
import { type Figures, figuresOf } from './figures.ts';
import type { StatsForTable } from './stats-table.ts';

export interface ReportTable {
  readonly headers: readonly string[];
  /** Cells as text; the first column names the unit. */
  readonly rows: readonly (readonly string[])[];
}

export interface ProgressReport {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly tableTitle: string;
  readonly table: ReportTable;
  readonly notes: readonly string[];
  /** `数据生成时间：2026年12月7日 09:30`. */
  readonly footer: string;
}

/** The figures the report is made of. */
export interface ReportInput {
  /** The unit as the title names it: `示范市生态环境局`, or `城东分局监察大队` below the bureau. */
  readonly unitTitle: string;
  /** The statistics by department (`readStats` with `groupBy: 'department'`). */
  readonly byDepartment: StatsForTable & {
    readonly openNow: { readonly byColour: Readonly<Record<string, number>> };
  };
  /** The rows of the statistics by kind (`groupBy: 'kind'`), keyed by kind. */
  readonly byKind: readonly (Figures & { readonly key: string })[];
  /** The enforcement figures of the unit and period (`readStats`'s `enforcement`). */
  readonly enforcement: EnforcementCounts;
  /** Today in Asia/Shanghai, `YYYY-MM-DD`. */
  readonly today: string;
  /** `2026年12月7日 09:30`, Beijing time. */
  readonly generatedAt: string;
}

/** `2026-12-07` → `2026年12月7日`. */
export const dateLabel = (date: string): string =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The title of the report: the unit's name, `生态环境` unless the name says it, and the period. */
export const reportTitle = (unitTitle: string, from: string, to: string): string =>
  `${unitTitle}${unitTitle.includes('生态环境') ? '' : '生态环境'}信访工作进展情况（${dateLabel(from)}至${dateLabel(to)}）`;

/** `今年以来` for this year up to today, else `期间内` (the title gives the dates). */
export const openingOf = (from: string, to: string, today: string): string =>
  from === `${to.slice(0, 4)}-01-01` && to === today ? '今年以来' : '期间内';

/** `办结率95%（已办结19件÷受理20件）`, or what there is instead when nothing divides. */
const rateClause = (name: string, rate: Rate, quotient: string, none: string): string =>
  rate.value === null ? `${name}暂无（${none}）` : `${name}${rate.percent}（${quotient}）`;

const joinNonZero = (parts: readonly (readonly [string, number])[]): string =>
  parts
    .filter(([, count]) => count > 0)
    .map(([label, count]) => `${label}${count}件`)
    .join('、');

const complaintParagraph = (unit: string, opening: string, figures: Figures, satisfaction: SurveyRates): string => {
  const { counts, closureRate, onTimeRate, daysToClose } = figures;
  const undecided = counts.received - counts.accepted - counts.rejected - counts.merged;
  const decisions = joinNonZero([
    ['受理', counts.accepted],
    ['不予受理', counts.rejected],
    ['合并办理', counts.merged],
    ['待受理', undecided],
  ]);
  const sentences = [
    `${opening}，${unit}共收到群众信访件${counts.received}件${decisions ? `，其中${decisions}` : ''}。`,
  ];
  if (counts.accepted === 0) {
    sentences.push('尚无受理的信访件，办结率暂无。');
  } else {
    const closure = rateClause(
      '办结率',
      closureRate,
      `已办结${counts.closed}件÷受理${counts.accepted}件`,
      '尚无受理件',
    );
    const onTime = rateClause(
      '按期办结率',
      onTimeRate,
      `按期办结${counts.closedOnTime}件÷（办结${counts.closed}件＋在办超期${counts.openOverdue}件）`,
      '尚无办结件，也无超期在办件',
    );
    sentences.push(
      `已办结${counts.closed}件，${closure}；其中按期办结${counts.closedOnTime}件、超期办结${counts.closedLate}件，${onTime}。` +
        `尚未办结${counts.open}件，其中已超期${counts.openOverdue}件。`,
    );
  }
  if (daysToClose.counted > 0) {
    const counted = daysToClose.counted < counts.closed ? `（计入${daysToClose.counted}件）` : '';
    sentences.push(`办结件平均用时${daysToClose.average}个工作日，中位数${daysToClose.median}个工作日${counted}。`);
  }
  sentences.push(satisfactionSentence(satisfaction));
  return sentences.join('');
};

const satisfactionSentence = (rates: SurveyRates): string => {
  const { excluded, evaluated } = rates;
  const outside = joinNonZero([
    ['待评价', excluded.pending],
    ['逾期未评价', excluded.notEvaluated],
    ['无法联系', excluded.unreachable],
    ['无效评价', excluded.invalid],
    ['无联系方式', excluded.noContact],
  ]);
  const surveyed = evaluated + Object.values(excluded).reduce((sum, count) => sum + count, 0);
  const rest = outside ? `；另有${outside}，不计入满意度` : '';
  if (surveyed === 0) return '期间内办结的信访件尚无回访，群众满意度暂无。';
  if (evaluated === 0) return `期间内办结的信访件回访${surveyed}件，尚无有效评价，群众满意度暂无${rest}。`;
  const satisfaction = rateClause(
    '群众满意度',
    rates.satisfaction,
    `满意及基本满意${rates.satisfaction.numerator}件÷有效评价${evaluated}件`,
    '尚无有效评价',
  );
  const solved =
    rates.solved.value === null
      ? ''
      : `，问题解决率${rates.solved.percent}（已解决${rates.solved.numerator}件÷答复是否解决${rates.solved.denominator}件）`;
  return `期间内办结的信访件回访${surveyed}件，有效评价${evaluated}件，${satisfaction}${solved}${rest}。`;
};

const otherKindsParagraph = (unit: string, byKind: ReportInput['byKind']): string | undefined => {
  const others = byKind.filter((row) => row.key !== 'complaint' && row.counts.received > 0);
  if (others.length === 0) return undefined;
  const received = others.reduce((sum, row) => sum + row.counts.received, 0);
  const closed = others.reduce((sum, row) => sum + row.counts.closed, 0);
  const list = others
    .map((row) => `${caseKindLabels[row.key as keyof typeof caseKindLabels] ?? row.key}${row.counts.received}件`)
    .join('、');
  return `此外，期间内${unit}还收到其他督办事项${received}件（${list}），已办结${closed}件。`;
};

const colourOrder = [
  ['red', '红色（超期）'],
  ['yellow', '黄色（临期）'],
  ['blue', '蓝色（正常）'],
  ['none', '尚未计时'],
] as const;

const openParagraph = (unit: string, today: string, byColour: Readonly<Record<string, number>>): string => {
  const total = Object.values(byColour).reduce((sum, count) => sum + count, 0);
  if (total === 0) return `截至${dateLabel(today)}，${unit}没有尚在办理的督办事项。`;
  const parts = colourOrder.map(([colour, label]) => `${label}${byColour[colour] ?? 0}件`);
  return `截至${dateLabel(today)}，${unit}尚在办理的督办事项共${total}件（不限收到日期），其中${parts.join('、')}。`;
};

/** A penalty total as a bureau writes it: `60.55万元` from 1万元 up (two places), else in yuan (`5000.5元`). */
export const penaltyLabel = (fen: number): string => {
  const trimmed = (value: number) => value.toFixed(2).replace(/\.?0+$/, '');
  return fen >= 1_000_000 ? `${trimmed(fen / 1_000_000)}万元` : `${trimmed(fen / 100)}元`;
};

/** `开展执法检查N次，出动执法人员M人次，立案查处K件，下达处罚决定书D件，罚款X万元，移送公安机关、司法机关T件，结案C件`. */
const enforcementParagraph = (unit: string, opening: string, figures: EnforcementCounts): string => {
  const inspected = figures.inspections > 0 || figures.inspectorVisits > 0;
  const inspections = inspected
    ? [`开展执法检查${figures.inspections}次，出动执法人员${figures.inspectorVisits}人次`]
    : [];
  const decisions =
    figures.decisions > 0
      ? `下达处罚决定书${figures.decisions}件${figures.penaltyFen > 0 ? `，罚款${penaltyLabel(figures.penaltyFen)}` : ''}`
      : '';
  const cases = [
    figures.casesFiled > 0 ? `立案查处${figures.casesFiled}件` : '',
    decisions,
    figures.transfers > 0 ? `移送公安机关、司法机关${figures.transfers}件` : '',
    figures.casesClosed > 0 ? `结案${figures.casesClosed}件` : '',
  ].filter((part) => part !== '');
  if (!inspected && cases.length === 0) return `${opening}，${unit}暂无执法检查和立案查处记录。`;
  const none = !inspected ? '；暂无执法检查记录' : cases.length === 0 ? '；暂无立案查处记录' : '';
  return `${opening}，${unit}${[...inspections, ...cases].join('，')}${none}。`;
};

const rateCell = (rate: Rate | undefined): string => (rate && rate.value !== null ? rate.percent : '—');

const tableHeaders = [
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
] as const;

const tableRow = (label: string, figures: Figures, satisfaction: SurveyRates | undefined): string[] => [
  label,
  String(figures.counts.received),
  String(figures.counts.accepted),
  String(figures.counts.closed),
  rateCell(figures.closureRate),
  rateCell(figures.onTimeRate),
  String(figures.counts.open),
  String(figures.counts.openOverdue),
  figures.daysToClose.average === null ? '—' : String(figures.daysToClose.average),
  rateCell(satisfaction?.satisfaction),
];

/** The Chinese half of a formula written `中文 / English`. */
const chineseOf = (formula: string): string => formula.replace(/\s*\/\s*[A-Za-z(].*$/, '');

const noteLines = (stats: StatsForTable): string[] => [
  '统计口径：按收到日期统计期间内收到的事项现在的办理情况，含下级单位，按现在承办的单位计；满意度为期间内办结的信访件的回访结果；在办按色标为截至今日的数量。',
  `${chineseOf(stats.closureRate.formula)}；${chineseOf(stats.onTimeRate.formula)}；${chineseOf(stats.satisfaction.satisfaction.formula)}，待评价、逾期未评价、无法联系、无效评价和无联系方式的回访不计入。`,
  '表中“—”表示没有可计算的分母（如尚无受理件、尚无有效评价），不是0%；“本级”为本单位自办、未派至下级单位的事项。',
  '执法检查、立案查处按发生日统计：检查日、立案日、处罚决定日、移送日、结案日在期间内的，含下级单位；罚款满1万元的以万元计，保留两位小数。',
];

/** The report of a unit and period, from its statistics. */
export const progressReport = (input: ReportInput): ProgressReport => {
  const stats = input.byDepartment;
  const unit = input.unitTitle;
  const complaints = input.byKind.find((row) => row.key === 'complaint') ?? figuresOf([]);
  const others = otherKindsParagraph(unit, input.byKind);
  const opening = openingOf(stats.from, stats.to, input.today);
  const paragraphs = [
    complaintParagraph(unit, opening, complaints, stats.satisfaction),
    ...(others ? [others] : []),
    openParagraph(unit, input.today, stats.openNow.byColour),
    enforcementParagraph(unit, opening, input.enforcement),
  ];
  const rows = [
    ...stats.rows.map((row) =>
      tableRow(row.label === '本级' ? `${stats.unitName}本级` : row.label, row, row.satisfaction),
    ),
    tableRow('合计', stats, stats.satisfaction),
  ];
  return {
    title: reportTitle(unit, stats.from, stats.to),
    paragraphs,
    tableTitle: others ? '各单位办理情况（含各类督办事项）' : '各单位办理情况',
    table: { headers: tableHeaders, rows },
    notes: noteLines(stats),
    footer: `数据生成时间：${input.generatedAt}`,
  };
};

const markdownCell = (text: string): string => text.replaceAll('|', '\\|');

/** The report as Markdown: the title, the paragraphs, the table (numbers right-aligned) and the notes. */
export const reportMarkdown = (report: ProgressReport): string => {
  const { headers, rows } = report.table;
  const line = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [
    `# ${report.title}`,
    '',
    ...report.paragraphs.flatMap((paragraph) => [paragraph, '']),
    `## ${report.tableTitle}`,
    '',
    line(headers),
    `| ${headers.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map(line),
    '',
    ...report.notes.map((note, index) => `${index === 0 ? '注：' : '　　'}${index + 1}. ${note}`),
    '',
    report.footer,
    '',
  ].join('\n');
};
