import { describe, expect, it } from 'vitest';
import { mapColumns, readRows } from '#enterprises/domain/import-sheet.ts';

const headings = [
  '序号',
  '统一社会信用代码',
  '企业名称',
  '行业代码',
  '行业名称',
  '地址',
  '乡镇（街道）',
  '联系人',
  '联系电话',
  '是否重点排污单位',
  '涉VOCs',
  '绩效分级',
];
const row = (number: number, cells: Record<string, string>) => ({
  row: number,
  cells: headings.map((heading) => cells[heading] ?? ''),
});
const good = {
  统一社会信用代码: '91350100M000100Y43',
  企业名称: '示范市某某涂装有限公司',
  行业代码: 'C3360；C2641',
  行业名称: '金属表面处理及热处理加工；涂料制造',
  地址: '城东街道工业园 8 号',
  '乡镇（街道）': '城东街道',
  联系人: '张工',
  联系电话: '13812345678',
  是否重点排污单位: '是',
  涉VOCs: '是',
  绩效分级: 'B级',
};

describe('reading an enterprise list', () => {
  it('finds the columns by their headings, however the sheet words them', () => {
    const { columns, problems } = mapColumns([
      ' 统一社会信用代码* ',
      '单位名称',
      '行业代码',
      '所属行业',
      '详细地址',
      '乡镇(街道)',
    ]);

    expect(problems).toEqual([]);
    expect(columns).toEqual({ uscc: 0, name: 1, industryCode: 2, industryLabel: 3, address: 4, town: 5 });
  });

  it('names each missing required column', () => {
    const { problems } = mapColumns(['企业名称', '地址']);

    expect(problems.map((problem) => problem.path)).toEqual([
      'columns.uscc',
      'columns.industryCode',
      'columns.industryLabel',
      'columns.town',
    ]);
  });

  it('reads a row into a registration: several industries, a contact, flags and a recorded grade', () => {
    const { columns } = mapColumns(headings);

    const [outcome] = readRows([row(2, good)], columns);

    expect(outcome).toEqual({
      row: 2,
      enterprise: {
        uscc: '91350100M000100Y43',
        name: '示范市某某涂装有限公司',
        industries: [
          { code: 'C3360', label: '金属表面处理及热处理加工' },
          { code: 'C2641', label: '涂料制造' },
        ],
        address: '城东街道工业园 8 号',
        town: '城东街道',
        contacts: [{ name: '张工', phone: '13812345678' }],
        keyPolluter: true,
        vocs: true,
        positiveList: 'not-listed',
        grade: 'B',
      },
    });
  });

  it('refuses a row naming its number and column: a wrong check character, a bad flag, a repeated USCC', () => {
    const { columns } = mapColumns(headings);

    const outcomes = readRows(
      [
        row(2, good),
        row(3, { ...good, 统一社会信用代码: '91350100M000100Y44', 是否重点排污单位: '也许' }),
        row(4, good),
      ],
      columns,
    );

    expect(outcomes[1]).toEqual({
      row: 3,
      problems: [
        {
          path: 'rows.3.uscc',
          message: '第 3 行“统一社会信用代码”：统一社会信用代码校验码错误：第 18 位应为 3，请核对各位是否录入有误',
        },
        expect.objectContaining({ path: 'rows.3.keyPolluter' }),
      ],
    });
    expect(outcomes[2]).toEqual({
      row: 4,
      problems: [{ path: 'rows.4.uscc', message: '第 4 行“统一社会信用代码”：与第 2 行重复' }],
    });
  });

  it('says when Excel kept a USCC as a number and lost digits', () => {
    const { columns } = mapColumns(headings);

    const [outcome] = readRows(
      [{ ...row(2, { ...good, 统一社会信用代码: '911100001000080300' }), imprecise: [1] }],
      columns,
    );

    expect(outcome).toEqual({
      row: 2,
      problems: [expect.objectContaining({ path: 'rows.2.uscc', message: expect.stringMatching(/文本格式/) })],
    });
  });
});
