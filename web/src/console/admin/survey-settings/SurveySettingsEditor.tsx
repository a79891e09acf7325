/**
 * Changing the survey settings (admins): the three figures, saved with `PUT /v1/admin/survey-settings`. The API
 * checks the ranges and that the reminder comes before the end of the answers; its field errors show on the fields.
 */
import { Alert, Button, Drawer, Flex, Form, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { problemText, showFieldErrors } from '../../../api/problems.ts';
import { defineMessages, useI18n, useMessages } from '../../../i18n/i18n.tsx';
import { type SurveySettings, settingNames, settingRanges, settingTexts } from './surveySettingsText.ts';

const messages = defineMessages({
  zh: {
    title: '修改回访设置',
    hint: '保存后，此后新建的回访按新设置执行；已建回访保持原有的提醒时间和评价期限。提醒天数须小于评价期限。',
    range: '{help}（可填 {min}–{max}）',
    save: '保存',
    cancel: '取消',
    refused: '未能保存',
  },
  en: {
    title: 'Change the survey settings',
    hint: 'Surveys created after saving follow the new settings; existing surveys keep their reminder and answer deadline. The reminder must come before the answers close.',
    range: '{help} ({min}–{max})',
    save: 'Save',
    cancel: 'Cancel',
    refused: 'Not saved',
  },
});

export const SurveySettingsEditor = ({
  settings,
  open,
  onClose,
  onSaved,
}: {
  settings: SurveySettings;
  open: boolean;
  onClose: () => void;
  onSaved: (saved: SurveySettings) => void;
}) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const [form] = Form.useForm<SurveySettings>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; lines: string[] }>();

  const save = async (values: SurveySettings) => {
    setBusy(true);
    setProblem(undefined);
    const { data, error } = await api.PUT('/v1/admin/survey-settings', { body: values });
    setBusy(false);
    if (data) onSaved(data);
    else if (error) setProblem({ title: problemText(error), lines: showFieldErrors(form, error, settingNames) });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={480}
      destroyOnHidden
      title={t('title')}
      footer={
        <Flex gap="small" justify="flex-end">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('save')}
          </Button>
        </Flex>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('hint')} />
        {problem ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`${t('refused')}：${problem.title}`}
            description={
              problem.lines.length > 0 ? problem.lines.map((line) => <div key={line}>{line}</div>) : undefined
            }
          />
        ) : null}
        <Form<SurveySettings>
          form={form}
          layout="vertical"
          initialValues={settings}
          onFinish={(values) => void save(values)}
        >
          {settingNames.map((name) => {
            const text = settingTexts[name][language];
            const range = settingRanges[name];
            return (
              <Form.Item
                key={name}
                name={name}
                label={text.label}
                extra={t('range', { help: text.help, ...range })}
                rules={[{ required: true }]}
              >
                <InputNumber min={range.min} max={range.max} precision={0} suffix={text.unit} style={{ width: 200 }} />
              </Form.Item>
            );
          })}
        </Form>
      </Space>
    </Drawer>
  );
};
