/**
 * One call of the list, recorded from the keyboard: "显示号码" reveals the number (`POST /v1/follow-ups/{id}/contact`,
 * recorded as an access to personal data — only on this click), then the answer (satisfaction, solved, comment) or a
 * call that reached nobody (with a note). Enter saves, sending the version of the list's entry.
 */
import { PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import { type KeyboardEvent, type RefObject, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { isProblem, problemText, showFieldErrors } from '../../api/problems.ts';
import type { CallListEntry, FollowUpContact, FollowUpInput } from '../../api/schema.gen.ts';
import {
  categoryName,
  type Satisfaction,
  type Solved,
  satisfactionLabels,
  satisfactions,
  solvedLabels,
  solvedOrder,
} from '../../common/labels.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { formatInstant } from '../cases/case/format.ts';
import { followUpMessages } from './messages.ts';

interface Values {
  outcome: 'answered' | 'unreachable';
  satisfaction?: Satisfaction;
  solved?: Solved;
  comment?: string;
  note?: string;
}

export type SaveResult = { readonly saved: 'answered' | 'unreachable' } | { readonly stale: string };

/** Enter saves from anywhere in the form but a button, and Shift+Enter (a new line in the comment); not while an IME composes. */
const enterSaves = (submit: () => void) => (event: KeyboardEvent<HTMLFormElement>) => {
  if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
  event.preventDefault();
  submit();
};

export const FollowUpPanel = ({
  entry,
  revealRef,
  onDone,
}: {
  entry: CallListEntry;
  /** The "显示号码" button, for the list to move the focus to. */
  revealRef: RefObject<HTMLButtonElement | null>;
  onDone: (result: SaveResult) => void;
}) => {
  const t = useMessages(followUpMessages);
  const { language } = useI18n();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form) ?? 'answered';
  const [contact, setContact] = useState<FollowUpContact>();
  const [revealing, setRevealing] = useState(false);
  const [revealProblem, setRevealProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const formRef = useRef<HTMLDivElement>(null);

  const focusFirstField = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLInputElement>('input[name="fu-outcome"]:checked')?.focus(),
    );

  const reveal = async () => {
    setRevealing(true);
    setRevealProblem(undefined);
    try {
      const { data, error, response } = await api.POST('/v1/follow-ups/{id}/contact', {
        params: { path: { id: entry.surveyId } },
      });
      if (data) {
        setContact(data);
        focusFirstField();
      } else setRevealProblem(isProblem(error) ? problemText(error) : String(response.status));
    } catch (cause) {
      setRevealProblem(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setRevealing(false);
    }
  };

  const save = async (values: Values) => {
    const text = (value: string | undefined) => value?.trim() || undefined;
    let body: FollowUpInput;
    if (values.outcome === 'unreachable') {
      const note = text(values.note);
      body = { outcome: 'unreachable', version: entry.version, ...(note ? { note } : {}) };
    } else {
      if (!values.satisfaction) return;
      const comment = text(values.comment);
      body = {
        outcome: 'answered',
        satisfaction: values.satisfaction,
        version: entry.version,
        ...(values.solved ? { solved: values.solved } : {}),
        ...(comment ? { comment } : {}),
      };
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const { error, response } = await api.POST('/v1/follow-ups/{id}', {
        params: { path: { id: entry.surveyId } },
        body,
      });
      if (!error) {
        onDone({ saved: body.outcome });
        return;
      }
      const detail = isProblem(error) ? problemText(error) : String(response.status);
      if (response.status === 409) {
        onDone({ stale: detail });
        return;
      }
      const loose = isProblem(error) ? showFieldErrors(form, error, ['satisfaction', 'solved', 'comment', 'note']) : [];
      setProblem(loose.length > 0 ? `${detail}：${loose.join('；')}` : detail);
    } catch (cause) {
      setProblem(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  const details = [
    { key: 'category', label: t('category'), children: categoryName(entry.category, language) },
    ...(entry.town ? [{ key: 'town', label: t('town'), children: entry.town }] : []),
    { key: 'closedAt', label: t('closedAt'), children: formatInstant(entry.closedAt) },
    { key: 'due', label: t('due'), children: entry.callDueDate },
    { key: 'attempts', label: t('attempts'), children: t('attemptsCount', { count: entry.attempts }) },
  ];

  return (
    <div data-testid="follow-up-panel" data-survey={entry.surveyId}>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 0 }}>
        <Link to={`/console/cases/${entry.caseId}`}>{entry.caseNumber}</Link>
      </Typography.Title>
      <Descriptions size="small" column={1} items={details} style={{ marginBottom: 12 }} />
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <PhoneOutlined aria-hidden />
        {contact ? (
          <>
            <a href={`tel:${contact.phone}`} data-testid="follow-up-phone" style={{ fontSize: 20, fontWeight: 600 }}>
              {contact.phone}
            </a>
            {contact.name && <Typography.Text>{contact.name}</Typography.Text>}
          </>
        ) : (
          <>
            <Typography.Text data-testid="follow-up-phone-hint">{entry.phoneHint ?? '—'}</Typography.Text>
            <Button ref={revealRef} onClick={() => void reveal()} loading={revealing} data-testid="reveal-phone">
              {t('reveal')}
            </Button>
          </>
        )}
      </Space>
      {contact && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('revealed')}
        </Typography.Paragraph>
      )}
      {revealProblem && (
        <Alert type="error" showIcon title={`${t('revealFailed')}：${revealProblem}`} style={{ marginBottom: 12 }} />
      )}
      <div ref={formRef}>
        <Form<Values>
          form={form}
          name={`follow-up-${entry.surveyId}`}
          layout="vertical"
          initialValues={{ outcome: 'answered' }}
          onFinish={(values) => void save(values)}
          onKeyDown={enterSaves(() => form.submit())}
          requiredMark={false}
          data-testid="follow-up-form"
        >
          <Form.Item name="outcome" label={t('outcome')}>
            <Radio.Group
              name="fu-outcome"
              aria-label={t('outcome')}
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'answered', label: t('answered') },
                { value: 'unreachable', label: t('unreachable') },
              ]}
            />
          </Form.Item>
          {outcome === 'answered' ? (
            <>
              <Form.Item
                name="satisfaction"
                label={t('satisfaction')}
                rules={[{ required: true, message: t('satisfactionRequired') }]}
              >
                <Radio.Group
                  name="fu-satisfaction"
                  aria-label={t('satisfaction')}
                  optionType="button"
                  buttonStyle="solid"
                  options={satisfactions.map((value) => ({ value, label: satisfactionLabels[value][language] }))}
                />
              </Form.Item>
              <Form.Item name="solved" label={t('solved')}>
                <Radio.Group
                  name="fu-solved"
                  aria-label={t('solved')}
                  optionType="button"
                  buttonStyle="solid"
                  options={solvedOrder.map((value) => ({ value, label: solvedLabels[value][language] }))}
                />
              </Form.Item>
              <Form.Item name="comment" label={t('comment')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
              </Form.Item>
            </>
          ) : (
            <>
              <Typography.Paragraph type="secondary">
                {t('unreachableHint', { count: entry.attempts })}
              </Typography.Paragraph>
              <Form.Item name="note" label={t('note')}>
                <Input maxLength={500} placeholder={t('notePlaceholder')} autoComplete="off" />
              </Form.Item>
            </>
          )}
          {problem && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={`${t('failed')}：${problem}`}
              style={{ marginBottom: 12 }}
            />
          )}
          <Space align="center" wrap>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="save-follow-up">
              {outcome === 'answered' ? t('save') : t('saveUnreachable')}
            </Button>
            <Typography.Text type="secondary">{t('saveHint')}</Typography.Text>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {t('versionNote', { version: entry.version })}
          </Typography.Paragraph>
        </Form>
      </div>
    </div>
  );
};
