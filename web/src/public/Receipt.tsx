/**
 * The receipt of a public complaint: the tracking code and the secret, shown this once (only the secret's hash is
 * kept), each with a copy button, and the way to the tracking page with the code filled in (never the secret).
 */
import { Alert, Button, Descriptions, Result, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { PublicReceipt } from '../api/schema.gen.ts';
import { defineMessages, useI18n, useMessages } from '../i18n/i18n.tsx';
import { formatInstant } from './format.ts';

const messages = defineMessages({
  zh: {
    done: '投诉已提交',
    subtitle: '文号 {number}，{at} 收到。信访办将在规定时限内决定是否受理。',
    keep: '请立即保存查询码和查询密码',
    keepText:
      '查询密码只显示这一次，关闭或离开本页后无法再次查看，也无法找回。凭查询码和查询密码才能查询办理进度和答复，请抄下、截图或复制保存，不要告诉他人。',
    code: '查询码',
    secret: '查询密码',
    number: '文号',
    copy: '复制{what}',
    copied: '已复制',
    track: '查询办理进度',
    another: '再投诉一件',
  },
  en: {
    done: 'Your report has been submitted',
    subtitle:
      'Number {number}, received {at}. The petition office will decide within the time limit whether to accept it.',
    keep: 'Save the tracking code and secret now',
    keepText:
      'The secret is shown only this once: after you leave this page it cannot be shown again or recovered. You need both the code and the secret to follow your case and read the reply — write them down, take a screenshot or copy them, and keep them to yourself.',
    code: 'Tracking code',
    secret: 'Secret',
    number: 'Number',
    copy: 'Copy the {what}',
    copied: 'Copied',
    track: 'Track progress',
    another: 'Report another problem',
  },
});

const Copyable = ({ value, label, testId }: { value: string; label: string; testId: string }) => {
  const t = useMessages(messages);
  return (
    <Typography.Text
      data-testid={testId}
      strong
      code
      copyable={{ text: value, tooltips: [t('copy', { what: label }), t('copied')] }}
      style={{ fontSize: 18, letterSpacing: 1, wordBreak: 'break-all' }}
    >
      {value}
    </Typography.Text>
  );
};

export const Receipt = ({ receipt, onAnother }: { receipt: PublicReceipt; onAnother: () => void }) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      title={<span role="status">{t('done')}</span>}
      subTitle={t('subtitle', { number: receipt.number, at: formatInstant(receipt.receivedAt, language) })}
      style={{ background: '#fff', borderRadius: 8 }}
      extra={[
        <Button
          key="track"
          type="primary"
          size="large"
          onClick={() => navigate(`/track?code=${encodeURIComponent(receipt.trackingCode)}`)}
        >
          {t('track')}
        </Button>,
        <Button key="another" size="large" onClick={onAnother}>
          {t('another')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={t('keep')} description={t('keepText')} style={{ marginBottom: 16 }} />
      <Descriptions
        bordered
        column={1}
        size="middle"
        items={[
          {
            key: 'code',
            label: t('code'),
            children: <Copyable value={receipt.trackingCode} label={t('code')} testId="tracking-code" />,
          },
          {
            key: 'secret',
            label: t('secret'),
            children: <Copyable value={receipt.trackingSecret} label={t('secret')} testId="tracking-secret" />,
          },
          { key: 'number', label: t('number'), children: receipt.number },
        ]}
      />
    </Result>
  );
};
