import { describe, expect, it } from 'vitest';
import { complainantEmail } from '#cases/notices.ts';
import { aCase } from '../support/cases.ts';

describe('complainantEmail', () => {
  it('links a web complaint to its tracking page, and reminds that the code and secret are needed', () => {
    const item = aCase({ trackingCode: 'T7K2M9' });

    const email = complainantEmail('case-accepted', item, item, 'https://greenline.example/track?code=T7K2M9');

    expect(email.text).toContain(
      '查询办理进度（请使用提交时获得的查询码和密码）：https://greenline.example/track?code=T7K2M9',
    );
  });

  it('gives no tracking link to a complaint without a tracking code (hotline, letter)', () => {
    const item = aCase();

    const email = complainantEmail('case-accepted', item, item, undefined);

    expect(email.text).not.toContain('查询办理进度');
    expect(email.text).toContain('感谢您对生态环境保护工作的关心和支持。');
  });
});
