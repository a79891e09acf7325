/**
 * The follow-up survey settings (`GET /v1/admin/survey-settings`): when the one reminder email goes out, how long a
 * complainant may answer, and after how many working days of unanswered calls a complainant counts as unreachable —
 * each with what it means. Admins change them (`PUT`); supervisors and dispatchers read.
 */
import { Alert, Button, Card, Descriptions, Flex, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { problemText } from '../../api/problems.ts';
import { useSession } from '../../auth/session.ts';
import { defineMessages, useI18n, useMessages } from '../../i18n/i18n.tsx';
import { SurveySettingsEditor } from './survey-settings/SurveySettingsEditor.tsx';
import { type SurveySettings, settingNames, settingTexts } from './survey-settings/surveySettingsText.ts';

const messages = defineMessages({
  zh: {
    title: '回访设置',
    intro:
      '办结事项满意度回访的提醒、评价期限和电话回访规则。新设置适用于此后新建的回访；已建回访保持原有的提醒时间和评价期限。',
    inForce: '现行设置',
    edit: '修改设置',
    readOnly: '您可查看回访设置；只有系统管理员可以修改。',
    saved: '回访设置已保存：此后新建的回访按新设置执行',
    failed: '回访设置加载失败',
  },
  en: {
    title: 'Survey settings',
    intro:
      'The reminder, the answer deadline and the follow-up call rule of the satisfaction surveys of closed cases. New settings apply to surveys created from now on; existing surveys keep their reminder and answer deadline.',
    inForce: 'In force',
    edit: 'Change the settings',
    readOnly: 'You may read the survey settings; only administrators change them.',
    saved: 'The survey settings are saved: surveys created from now on follow them',
    failed: 'Could not load the survey settings',
  },
});

const SurveySettingsPage = () => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const isAdmin = useSession()?.user.roles.includes('admin') ?? false;
  const [settings, setSettings] = useState<SurveySettings>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  const load = useCallback(async () => {
    const { data, error: problem } = await api.GET('/v1/admin/survey-settings');
    if (problem) setError(problemText(problem));
    else {
      setError(undefined);
      setSettings(data);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Typography.Title level={1} style={{ marginBottom: 4 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        {isAdmin && settings ? (
          <Button type="primary" onClick={() => setEditing(true)} data-testid="edit-survey-settings">
            {t('edit')}
          </Button>
        ) : null}
      </Flex>
      {isAdmin ? null : <Alert type="info" showIcon title={t('readOnly')} />}
      {saved ? <Alert type="success" showIcon closable role="status" title={t('saved')} /> : null}
      {error ? <Alert type="error" showIcon title={t('failed')} description={error} /> : null}
      {settings ? (
        <Card
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t('inForce')}
            </Typography.Title>
          }
        >
          <Descriptions
            bordered
            column={1}
            styles={{ label: { width: 200 } }}
            items={settingNames.map((name) => {
              const text = settingTexts[name][language];
              return {
                key: name,
                label: text.label,
                children: (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text strong data-testid={`survey-setting-${name}`}>
                      {settings[name]} {text.unit}
                    </Typography.Text>
                    <Typography.Text type="secondary">{text.help}</Typography.Text>
                  </Space>
                ),
              };
            })}
          />
        </Card>
      ) : null}
      {isAdmin && settings ? (
        <SurveySettingsEditor
          key={settingNames.map((name) => settings[name]).join('-')}
          settings={settings}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(stored) => {
            setEditing(false);
            setSettings(stored);
            setSaved(true);
          }}
        />
      ) : null}
    </Space>
  );
};

export default SurveySettingsPage;
