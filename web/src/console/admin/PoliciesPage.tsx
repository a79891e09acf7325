/**
 * The time-limit policies (`GET /v1/admin/time-limit-policies`): the version in force, each policy with what it
 * applies to, its clocks and its limits, and every earlier version to look back at. Admins edit it as a new version;
 * supervisors read it.
 */
import { Alert, Button, Card, Descriptions, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { problemText } from '../../api/problems.ts';
import { useSession } from '../../auth/session.ts';
import { defineMessages, useI18n, useMessages } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../cases/list/format.ts';
import { PolicyEditor } from './policies/PolicyEditor.tsx';
import {
  extensionText,
  matchText,
  type Policy,
  type PolicyVersion,
  stepLabels,
  stepNames,
  stepText,
  warningText,
} from './policies/policyText.ts';

const messages = defineMessages({
  zh: {
    title: '办理时限',
    intro:
      '各类事项的受理、签收、办结、复核时限及延期、退单、预警规则。规则按版本保存：已有事项按其登记时的版本计算期限。',
    version: '版本',
    viewing: '查看版本',
    inForce: '现行版本',
    older: '历史版本',
    versionLabel: '第 {version} 版',
    savedAt: '保存时间',
    savedBy: '保存人',
    initial: '系统初始规则',
    policy: '规则',
    match: '适用于',
    extensions: '延期',
    returns: '退单上限',
    returnsValue: '{count} 次',
    warning: '预警（转黄）',
    edit: '编辑（保存为新版本）',
    readOnly: '您可查看时限规则；只有系统管理员可以修改。',
    saved: '已保存为第 {version} 版',
    failed: '时限规则加载失败',
  },
  en: {
    title: 'Time limits',
    intro:
      'Accept, sign, finish and review limits, extensions, returns and warnings by kind of case. Policies are versioned: a case keeps the version it started under.',
    version: 'Version',
    viewing: 'Show version',
    inForce: 'In force',
    older: 'Earlier',
    versionLabel: 'Version {version}',
    savedAt: 'Saved at',
    savedBy: 'Saved by',
    initial: 'Initial policies',
    policy: 'Policy',
    match: 'Applies to',
    extensions: 'Extensions',
    returns: 'Max returns',
    returnsValue: '{count}',
    warning: 'Warning (yellow)',
    edit: 'Edit (save as new version)',
    readOnly: 'You may read the policies; only administrators change them.',
    saved: 'Saved as version {version}',
    failed: 'Could not load the policies',
  },
});

type Policies = { current: PolicyVersion; versions: PolicyVersion[] };

const PoliciesPage = () => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const isAdmin = useSession()?.user.roles.includes('admin') ?? false;
  const [policies, setPolicies] = useState<Policies>();
  const [shown, setShown] = useState<number>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number>();

  const load = useCallback(async () => {
    const { data, error: problem } = await api.GET('/v1/admin/time-limit-policies');
    if (problem) setError(problemText(problem));
    else {
      setError(undefined);
      setPolicies(data as Policies);
      setShown(data.current.version);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /** Every version, newest first (the initial version is listed once saved over; the one in force always is). */
  const versions = policies
    ? [
        policies.current,
        ...policies.versions.filter((candidate) => candidate.version !== policies.current.version),
      ].sort((a, b) => b.version - a.version)
    : [];
  const version = versions.find((candidate) => candidate.version === shown) ?? policies?.current;
  const columns: ColumnsType<Policy> = [
    {
      title: t('policy'),
      key: 'policy',
      render: (_, policy) => (
        <>
          <Typography.Text strong>{policy.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{policy.id}</Typography.Text>
        </>
      ),
    },
    { title: t('match'), key: 'match', render: (_, policy) => matchText(policy.match, language) },
    ...stepNames.map((name) => ({
      title: stepLabels[name][language],
      key: name,
      render: (_: unknown, policy: Policy) => stepText(policy.steps[name], language),
    })),
    { title: t('extensions'), key: 'extensions', render: (_, policy) => extensionText(policy, language) },
    {
      title: t('returns'),
      key: 'returns',
      render: (_, policy) => t('returnsValue', { count: policy.maxReturns }),
    },
    { title: t('warning'), key: 'warning', render: (_, policy) => warningText(policy, language) },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Typography.Title level={1} style={{ marginBottom: 4 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        {isAdmin && policies ? (
          <Button type="primary" onClick={() => setEditing(true)} data-testid="edit-policies">
            {t('edit')}
          </Button>
        ) : null}
      </Flex>
      {isAdmin ? null : <Alert type="info" showIcon title={t('readOnly')} />}
      {savedVersion ? (
        <Alert type="success" showIcon closable title={t('saved', { version: savedVersion })} role="status" />
      ) : null}
      {error ? <Alert type="error" showIcon title={t('failed')} description={error} /> : null}
      {policies && version ? (
        <Card>
          <Flex justify="space-between" align="start" wrap gap="middle" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={3}
              items={[
                {
                  key: 'version',
                  label: t('version'),
                  children: (
                    <Space>
                      {t('versionLabel', { version: version.version })}
                      {version.version === policies.current.version ? (
                        <Tag variant="solid" color="#16803c">
                          {t('inForce')}
                        </Tag>
                      ) : (
                        <Tag>{t('older')}</Tag>
                      )}
                    </Space>
                  ),
                },
                {
                  key: 'savedAt',
                  label: t('savedAt'),
                  children: version.updatedAt ? formatDateTime(version.updatedAt, language) : t('initial'),
                },
                { key: 'savedBy', label: t('savedBy'), children: version.updatedBy ?? '—' },
              ]}
            />
            <Select
              aria-label={t('viewing')}
              value={version.version}
              onChange={setShown}
              style={{ width: 180 }}
              options={versions.map((candidate) => ({
                value: candidate.version,
                label: `${t('versionLabel', { version: candidate.version })}${
                  candidate.version === policies.current.version ? `（${t('inForce')}）` : ''
                }`,
              }))}
            />
          </Flex>
          <Table<Policy>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={[...version.policies]}
            pagination={false}
          />
        </Card>
      ) : null}
      {isAdmin && policies ? (
        <PolicyEditor
          key={policies.current.version}
          current={policies.current}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setSavedVersion(saved.version);
            void load();
          }}
        />
      ) : null}
    </Space>
  );
};

export default PoliciesPage;
