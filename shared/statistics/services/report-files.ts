/**
 * The progress report (domain/progress-report.ts) as a Word document, laid out as a bureau's documents are (after
 * GB/T 9704): A4, the title in 小标宋 二号 centred, the text in 仿宋 三号 with a two-character first-line indent and a
 * fixed 28-point line, the table by department as a real Word table with a repeated, shaded header row, the notes and
 * the date it was made. A reader without those fonts sees Word's substitutes; the text is the same.
 */
import {
  AlignmentType,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ProgressReport } from '#statistics/domain/progress-report.ts';

/** Twips (1/20 point) per millimetre. */
const mm = 56.7;

const fonts = {
  title: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' },
  heading: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' },
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' },
  table: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' },
} as const;

/** Font sizes in half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 五号 10.5 pt. */
const sizes = { title: 44, body: 32, note: 24, table: 21 } as const;

const bodyLine = { line: 28 * 20, lineRule: LineRuleType.EXACT } as const;

const bodyParagraph = (text: string) =>
  new Paragraph({
    indent: { firstLine: 2 * 16 * 20 },
    spacing: bodyLine,
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: fonts.body, size: sizes.body })],
  });

/** The printable width of an A4 page with the margins below (156 mm), split over the table's columns. */
const columnWidths = (count: number): number[] => {
  const total = Math.round(156 * mm);
  const first = Math.round(total * 0.2);
  const rest = Math.floor((total - first) / Math.max(count - 1, 1));
  return [first, ...Array.from({ length: count - 1 }, () => rest)];
};

const cell = (text: string, options: { header?: boolean; first?: boolean; width: number }) =>
  new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8F0E8' } } : {}),
    children: [
      new Paragraph({
        alignment: options.first && !options.header ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [new TextRun({ text, font: fonts.table, size: sizes.table, bold: options.header ?? false })],
      }),
    ],
  });

const reportTable = (report: ProgressReport): Table => {
  const widths = columnWidths(report.table.headers.length);
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((text, index) => cell(text, { header, first: index === 0, width: widths[index] ?? 0 })),
    });
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(report.table.headers, true), ...report.table.rows.map((cells) => row(cells, false))],
  });
};

/** The report as a .docx file. */
export const reportDocx = async (report: ProgressReport): Promise<Buffer> => {
  const document = new Document({
    creator: 'Greenline 绿线督办',
    title: report.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * mm), height: Math.round(297 * mm) },
            margin: {
              top: Math.round(37 * mm),
              bottom: Math.round(35 * mm),
              left: Math.round(28 * mm),
              right: Math.round(26 * mm),
            },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 28 * 20 },
            children: [new TextRun({ text: report.title, font: fonts.title, size: sizes.title })],
          }),
          ...report.paragraphs.map(bodyParagraph),
          new Paragraph({
            indent: { firstLine: 2 * 16 * 20 },
            spacing: { ...bodyLine, before: 14 * 20 },
            children: [new TextRun({ text: report.tableTitle, font: fonts.heading, size: sizes.body })],
          }),
          reportTable(report),
          ...report.notes.map(
            (note, index) =>
              new Paragraph({
                spacing: { before: index === 0 ? 10 * 20 : 0 },
                children: [
                  new TextRun({
                    text: `${index === 0 ? '注：' : '　　'}${index + 1}. ${note}`,
                    font: fonts.body,
                    size: sizes.note,
                  }),
                ],
              }),
          ),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 20 * 20 },
            children: [new TextRun({ text: report.footer, font: fonts.body, size: sizes.note })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
};
