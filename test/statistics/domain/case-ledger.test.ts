import { describe, expect, it } from 'vitest';
import { summarise } from '#cases/domain/case-summary.ts';
import { caseLedgerTable } from '#statistics/domain/case-ledger.ts';
import { csvRow } from '#statistics/domain/tables.ts';
import { aCase, demoAssignment } from '../../support/cases.ts';

describe('the case ledger', () => {
  it('has one Chinese-headed column per item of a case summary, and none for the complainant', () => {
    const headers = caseLedgerTable.columns.map((column) => column.header);

    expect(headers).toEqual(
      expect.arrayContaining(['编号', '事项类型', '来源渠道', '污染类别', '收到时间', '状态', '色标', '承办单位']),
    );
    expect(headers).toEqual(expect.arrayContaining(['责任人', '办理期限', '办结时间']));
    expect(headers.join()).not.toMatch(/投诉人|姓名|电话|手机|邮箱|身份证|地址/);
  });

  it('writes a case with labels, names, Beijing times — and nothing of its complainant', () => {
    const summary = summarise(
      aCase({
        state: 'in-progress',
        colour: 'red',
        assignment: demoAssignment,
        complaint: {
          ...(aCase().complaint as NonNullable<ReturnType<typeof aCase>['complaint']>),
          complainant: {
            anonymous: false,
            confidential: false,
            name: '李女士',
            phone: '13812345678',
            email: 'li@example.cn',
          },
        },
      }),
    );

    const line = csvRow(caseLedgerTable, {
      summary,
      departmentName: '监察大队',
      responsibleName: '张三',
      leadName: '王局长',
    });

    expect(line).toBe(
      'GL-2026-000001,信访投诉,热线电话,噪声污染,一般,城东街道,2026-11-20 09:00,办理中,红色,监察大队,张三,王局长,,,是,2026-11-20 09:00\r\n',
    );
    expect(line).not.toMatch(/李女士|13812345678|li@example\.cn|建设路/);
  });

  it('falls back to ids where the directory has no name', () => {
    const summary = summarise(aCase({ assignment: demoAssignment, state: 'assigned' }));

    const line = csvRow(caseLedgerTable, { summary });

    expect(line).toContain(',east-enforcement,handler,lead,');
  });
});
