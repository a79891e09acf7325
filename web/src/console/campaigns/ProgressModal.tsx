/**
 * Filing a task's weekly progress note (`POST /v1/campaigns/{id}/progress`): the week (those begun so far, the one
 * clicked or the latest by default) and the note; the notes already filed for that task and week are shown above, so
 * a department adds to its report rather than repeating it. The API's reasons (a week not begun, not the caller's
 * task) are shown in the dialog.
 */
import { Alert, App, Empty, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { isProblem, problemText } from '../../api/problems.ts';
import type { Campaign, ProgressNote } from '../../api/schema.gen.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { formatInstant } from '../cases/case/format.ts';
import { failureReason } from '../statistics/problem.ts';
import { campaignMessages } from './messages.ts';

export interface ProgressTarget {
  readonly taskNumber: number;
  readonly week?: string;
}

export const ProgressModal = ({
  campaign,
  target,
  people,
  onClose,
  onFiled,
}: {
  campaign: Campaign;
  target?: ProgressTarget;
  people: (username: string) => string;
  onClose: () => void;
  onFiled: () => void;
}) => {
  const t = useMessages(campaignMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ week: string; note: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [notes, setNotes] = useState<ProgressNote[]>();
  const begun = campaign.weeks.filter((week) => week.monday <= campaign.today);
  const week = Form.useWatch('week', form);
  const task = campaign.tasks.find((candidate) => candidate.number === target?.taskNumber);

  const latest = begun.at(-1)?.week;
  useEffect(() => {
    if (!target) return;
    setFailure(undefined);
    form.setFieldsValue({ week: target.week ?? latest, note: '' });
  }, [target, form, latest]);

  useEffect(() => {
    if (!target || !week) return;
    let live = true;
    setNotes(undefined);
    api
      .GET('/v1/campaigns/{id}/progress', {
        params: { path: { id: campaign.id }, query: { week, taskNumber: target.taskNumber } },
      })
      .then(({ data }) => live && setNotes(data?.items ?? []));
    return () => {
      live = false;
    };
  }, [target, week, campaign.id]);

  const submit = async (values: { week: string; note: string }) => {
    if (!target) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const { data, error, response } = await api.POST('/v1/campaigns/{id}/progress', {
        params: { path: { id: campaign.id } },
        body: { taskNumber: target.taskNumber, week: values.week, note: values.note.trim() },
      });
      if (data) {
        message.success(
          `${t('filed', { number: target.taskNumber, week: values.week })}${data.note.late ? t('filedLateNote') : ''}`,
        );
        onFiled();
        onClose();
      } else {
        const errors = isProblem(error) ? (error.errors ?? []) : [];
        const byField = errors.filter((item) => item.path === 'week' || item.path === 'note');
        form.setFields(byField.map((item) => ({ name: [item.path as 'week' | 'note'], errors: [item.message] })));
        if (byField.length < errors.length || errors.length === 0) {
          setFailure(isProblem(error) ? problemText(error) : failureReason(error, response));
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={target !== undefined}
      title={target ? t('fileTitle', { number: target.taskNumber }) : ''}
      okText={t('fileSubmit')}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {task && <Typography.Paragraph strong>{task.title}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit} aria-label={t('fileProgress')}>
        <Form.Item
          name="week"
          label={t('fileWeek')}
          rules={[{ required: true, message: t('required', { field: t('fileWeek') }) }]}
        >
          <Select
            options={begun.map((item) => ({
              value: item.week,
              label: t('weekOption', { week: item.week, monday: item.monday, due: item.dueDate }),
            }))}
          />
        </Form.Item>
        <Typography.Text type="secondary">{week ? t('weekNotes', { week }) : null}</Typography.Text>
        {notes && notes.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noNotes')} />
        ) : (
          <List
            size="small"
            loading={notes === undefined}
            dataSource={notes ?? []}
            style={{ marginBottom: 12 }}
            renderItem={(note) => (
              <List.Item>
                <div>
                  <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>
                    {note.note}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {people(note.filedBy)} · {formatInstant(note.filedAt)}
                  </Typography.Text>
                  {note.late && <Tag style={{ marginLeft: 8 }}>{t('late')}</Tag>}
                </div>
              </List.Item>
            )}
          />
        )}
        <Form.Item
          name="note"
          label={t('fileNote')}
          rules={[{ required: true, whitespace: true, message: t('required', { field: t('fileNote') }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={5000}
            placeholder={t('fileNotePlaceholder')}
          />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon role="alert" title={t('fileFailed')} description={failure} />}
    </Modal>
  );
};
