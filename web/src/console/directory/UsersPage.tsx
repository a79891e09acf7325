/**
 * 组织与人员: the units in the user's scope, each with its officials and their roles (`GET /v1/directory/units`,
 * `GET /v1/directory/users`). Read-only: users and roles are managed in the identity provider (Cognito in AWS, the
 * demo organisation locally); the API offers no writes.
 */
import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { problemText } from '../../api/problems.ts';
import type { Colleague, OrgUnit } from '../../api/schema.gen.ts';
import { roleLabels, unitKindLabels } from '../../common/labels.ts';
import { defineMessages, useI18n, useMessages } from '../../i18n/i18n.tsx';

const messages = defineMessages({
  zh: {
    title: '组织与人员',
    intro: '您管辖范围内的单位及其工作人员。人员和角色在统一身份认证中维护，此处只读。',
    unit: '单位',
    kind: '类型',
    people: '工作人员',
    nobody: '（无）',
  },
  en: {
    title: 'Organisation and people',
    intro:
      'The units in your scope and their officials. People and roles are managed in the identity provider; read-only here.',
    unit: 'Unit',
    kind: 'Kind',
    people: 'Officials',
    nobody: '(none)',
  },
});

interface Row {
  readonly key: string;
  readonly unit: OrgUnit;
  readonly people: Colleague[];
}

const UsersPage = () => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const [rows, setRows] = useState<Row[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    Promise.all([api.GET('/v1/directory/units'), api.GET('/v1/directory/users')]).then(([units, users]) => {
      if (units.error || users.error) {
        setError(problemText((units.error ?? users.error) as NonNullable<typeof units.error>));
        return;
      }
      setRows(
        units.data.items.map((unit) => ({
          key: unit.id,
          unit,
          people: users.data.items.filter((user) => user.unitId === unit.id),
        })),
      );
    });
  }, []);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {error && <Alert type="error" title={error} />}
      <Table<Row>
        loading={!rows && !error}
        dataSource={rows ?? []}
        pagination={false}
        columns={[
          {
            title: t('unit'),
            key: 'unit',
            render: (_, { unit }) => (
              <span style={{ paddingInlineStart: (unit.path.length - 1) * 20 }}>{unit.name}</span>
            ),
          },
          { title: t('kind'), key: 'kind', render: (_, { unit }) => unitKindLabels[unit.kind][language] },
          {
            title: t('people'),
            key: 'people',
            render: (_, { people }) =>
              people.length === 0 ? (
                <Typography.Text type="secondary">{t('nobody')}</Typography.Text>
              ) : (
                <Space wrap>
                  {people.map((person) => (
                    <span key={person.username}>
                      {person.displayName}{' '}
                      {person.roles.map((role) => (
                        <Tag key={role}>{roleLabels[role][language]}</Tag>
                      ))}
                    </span>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
};

export default UsersPage;
