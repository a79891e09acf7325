/**
 * The enterprise register (`/console/enterprises`, `GET /v1/enterprises`): search by a fragment of the name, town,
 * industry code and grade (every criterion an index of the API, no scan), kept in the address; results by name a page
 * at a time with the API's cursor. The petition office and administrators register firms and import sheets from here.
 */
import { BarChartOutlined, PlusOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Enterprise, EnterprisePage } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { GradeTag, gradeLabels, gradeOrder, positiveListLabels, ungradedLabel } from '../grading/labels.tsx';
import { failureReason } from '../statistics/problem.ts';
import { enterpriseMessages } from './messages.ts';

const filterNames = ['q', 'town', 'industry', 'grade', 'keyPolluter', 'vocs'] as const;
type FilterName = (typeof filterNames)[number];
type Filters = Partial<Record<FilterName, string>>;

export const enterpriseEditors = ['dispatcher', 'admin'];

const EnterpriseSearchPage = () => {
  const t = useMessages(enterpriseMessages);
  const { language } = useI18n();
  const session = useSession();
  const [search, setSearch] = useSearchParams();
  const [form] = Form.useForm<Filters & { flags?: string[] }>();
  const filters = useMemo<Filters>(
    () => Object.fromEntries(filterNames.flatMap((name) => (search.get(name) ? [[name, search.get(name)]] : []))),
    [search],
  );
  const cursor = search.get('cursor') ?? undefined;
  const key = `${JSON.stringify(filters)}|${cursor ?? ''}`;
  const [previous, setPrevious] = useState<string[]>([]);
  const [page, setPage] = useState<EnterprisePage>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const canEdit = enterpriseEditors.some((role) => session?.user.roles.includes(role));

  useEffect(() => {
    form.setFieldsValue({
      ...filters,
      flags: (['keyPolluter', 'vocs'] as const).filter((name) => filters[name] === 'true'),
    });
  }, [filters, form]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filters and cursor
  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .GET('/v1/enterprises', {
        params: {
          query: {
            ...filters,
            keyPolluter: filters.keyPolluter === 'true' ? 'true' : undefined,
            vocs: filters.vocs === 'true' ? 'true' : undefined,
            cursor,
            limit: 20,
          },
        },
      })
      .then(({ data, error: problem, response }) => {
        if (!live) return;
        setLoading(false);
        if (data) {
          setPage(data);
          setError(undefined);
        } else {
          setPage(undefined);
          setError(failureReason(problem, response));
        }
      });
    return () => {
      live = false;
    };
  }, [key]);

  const apply = (values: Filters & { flags?: string[] }) => {
    const next = new URLSearchParams();
    for (const name of ['q', 'town', 'industry', 'grade'] as const) {
      const value = values[name]?.trim();
      if (value) next.set(name, value);
    }
    for (const flag of values.flags ?? []) next.set(flag, 'true');
    setPrevious([]);
    setSearch(next);
  };

  const go = (nextCursor: string | undefined) => {
    const next = new URLSearchParams(search);
    if (nextCursor) next.set('cursor', nextCursor);
    else next.delete('cursor');
    setSearch(next);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="baseline" wrap gap="small">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
            {t('searchTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('searchIntro')}</Typography.Text>
        </div>
        <Space wrap>
          <Link to="/console/grading">
            <Button icon={<BarChartOutlined aria-hidden />} tabIndex={-1}>
              {t('grading')}
            </Button>
          </Link>
          <Link to="/console/enterprises/positive-list">
            <Button icon={<SafetyCertificateOutlined aria-hidden />} tabIndex={-1}>
              {t('positiveListLink')}
            </Button>
          </Link>
          {canEdit && (
            <Link to="/console/enterprises/import">
              <Button icon={<UploadOutlined aria-hidden />} tabIndex={-1}>
                {t('import')}
              </Button>
            </Link>
          )}
          {canEdit && (
            <Link to="/console/enterprises/new">
              <Button type="primary" icon={<PlusOutlined aria-hidden />} tabIndex={-1}>
                {t('register')}
              </Button>
            </Link>
          )}
        </Space>
      </Flex>
      <Card size="small">
        <Form form={form} layout="inline" onFinish={apply} aria-label={t('search')} style={{ rowGap: 8 }}>
          <Form.Item name="q" label={t('q')}>
            <Input placeholder={t('qPlaceholder')} allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="town" label={t('town')}>
            <Input allowClear style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="industry" label={t('industry')}>
            <Input placeholder={t('industryPlaceholder')} allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="grade" label={t('grade')}>
            <Select
              style={{ width: 150 }}
              allowClear
              placeholder={t('anyGrade')}
              options={[
                ...gradeOrder.map((grade) => ({ value: grade, label: gradeLabels[grade][language] })),
                { value: 'none', label: ungradedLabel[language] },
              ]}
            />
          </Form.Item>
          <Form.Item name="flags">
            <Checkbox.Group
              options={[
                { value: 'keyPolluter', label: t('keyPolluter') },
                { value: 'vocs', label: t('vocs') },
              ]}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              {t('reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('failed')}
          description={error}
          data-testid="enterprise-search-error"
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Enterprise>
          data-testid="enterprise-results"
          rowKey="uscc"
          loading={loading}
          dataSource={page?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{
            emptyText: <Typography.Text type="secondary">{cursor ? t('noMore') : t('empty')}</Typography.Text>,
          }}
          onRow={(item) => ({ 'data-uscc': item.uscc }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'name',
              title: t('name'),
              render: (_, item) => <Link to={`/console/enterprises/${item.uscc}`}>{item.name}</Link>,
            },
            {
              key: 'uscc',
              title: t('uscc'),
              render: (_, item) => <span style={{ fontFamily: 'monospace' }}>{item.uscc}</span>,
            },
            {
              key: 'industries',
              title: t('industries'),
              render: (_, item) =>
                item.industries.map((industry) => `${industry.label}（${industry.code}）`).join('；'),
            },
            { key: 'town', title: t('town'), dataIndex: 'town' },
            { key: 'grade', title: t('grade'), render: (_, item) => <GradeTag grade={item.grade} /> },
            {
              key: 'flags',
              title: t('flags'),
              render: (_, item) => (
                <Space size={4} wrap>
                  {item.keyPolluter && <Tag>{t('keyPolluter')}</Tag>}
                  {item.vocs && <Tag>{t('vocs')}</Tag>}
                  {item.positiveList === 'listed' && <Tag color="#1b7f3b">{positiveListLabels.listed[language]}</Tag>}
                  {item.positiveList === 'removed' && <Tag color="#ad4e00">{positiveListLabels.removed[language]}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <nav aria-label={t('pages')}>
        <Flex justify="space-between" align="center" wrap gap="small">
          <Typography.Text>{t('page', { page: previous.length + 1, count: page?.items.length ?? 0 })}</Typography.Text>
          <Space>
            <Button
              disabled={previous.length === 0}
              onClick={() => {
                const back = previous.at(-1);
                setPrevious((stack) => stack.slice(0, -1));
                go(back || undefined);
              }}
            >
              {t('previous')}
            </Button>
            <Button
              type="primary"
              disabled={!page?.nextCursor || loading}
              onClick={() => {
                setPrevious((stack) => [...stack, cursor ?? '']);
                go(page?.nextCursor);
              }}
            >
              {t('next')}
            </Button>
          </Space>
        </Flex>
      </nav>
    </Space>
  );
};

export default EnterpriseSearchPage;
