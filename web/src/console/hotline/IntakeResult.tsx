/**
 * What the operator sees right after saving a call: the new number (to read out to the caller, with a copy button)
 * and, prominently, the earlier complaints the API flags as likely the same matter (`duplicateCandidates`).
 */
import { Alert, App, Button, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { Case } from '../../api/schema.gen.ts';
import { defineMessages, useMessages } from '../../i18n/i18n.tsx';

const messages = defineMessages({
  zh: {
    saved: '已登记',
    number: '投诉编号',
    copy: '复制编号',
    copied: '编号已复制',
    copyFailed: '无法访问剪贴板，请手动选择编号',
    open: '查看事项',
    tell: '请告知来电人编号，以便查询办理进度。',
    duplicates: '疑似重复投诉：{count} 件',
    duplicatesHint: '以下近期投诉可能反映同一问题。可告知来电人已有人反映、正在办理；信访办将决定是否合并。',
    reasons: '依据',
  },
  en: {
    saved: 'Recorded',
    number: 'Complaint number',
    copy: 'Copy number',
    copied: 'Number copied',
    copyFailed: 'No clipboard access: select the number by hand',
    open: 'Open the case',
    tell: 'Tell the caller the number, to follow the case.',
    duplicates: 'Possible duplicates: {count}',
    duplicatesHint:
      'These recent complaints may be about the same matter. The caller may be told it is already being handled; the petition office decides on merging.',
    reasons: 'Why',
  },
});

export const IntakeResult = ({ saved }: { saved: Case }) => {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const candidates = saved.duplicateCandidates ?? [];
  const copy = () =>
    navigator.clipboard.writeText(saved.number).then(
      () => message.success(t('copied')),
      () => message.warning(t('copyFailed')),
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="intake-result">
      {candidates.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="duplicate-warning"
          title={
            <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
              {t('duplicates', { count: candidates.length })}
            </Typography.Title>
          }
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 8 }}>{t('duplicatesHint')}</Typography.Paragraph>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {candidates.map((candidate) => (
                  <li key={candidate.caseId}>
                    <Link to={`/console/cases/${candidate.caseId}`} style={{ fontWeight: 600 }}>
                      {candidate.number}
                    </Link>
                    {candidate.reasons.length > 0 ? ` — ${t('reasons')}：${candidate.reasons.join('；')}` : null}
                  </li>
                ))}
              </ul>
            </>
          }
        />
      ) : null}
      <Alert
        type="success"
        showIcon
        role="status"
        title={
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {t('saved')}
          </Typography.Title>
        }
        description={
          <Space orientation="vertical" size="small">
            <Space wrap align="center">
              <Typography.Text>{t('number')}：</Typography.Text>
              <Typography.Text strong style={{ fontSize: 20 }} data-testid="new-number">
                {saved.number}
              </Typography.Text>
              <Button size="small" onClick={() => void copy()}>
                {t('copy')}
              </Button>
              <Link to={`/console/cases/${saved.id}`}>{t('open')}</Link>
            </Space>
            <Typography.Text>{t('tell')}</Typography.Text>
          </Space>
        }
      />
    </Space>
  );
};
