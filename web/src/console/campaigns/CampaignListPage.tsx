/**
 * The campaigns (`/console/campaigns`, 专项行动): those the caller's unit runs or has tasks in, newest first, with their
 * period, phase under way and number of tasks; a name filter kept in the address; the petition office creates new ones.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { CampaignSummary } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { useUnits } from '../cases/case/directory.ts';
import { formatInstant } from '../cases/case/format.ts';
import { failureReason } from '../statistics/problem.ts';
import { useSystemToday } from '../statistics/useStats.ts';
import { campaignMessages } from './messages.ts';
import { PhaseTag } from './parts.tsx';

const CampaignListPage = () => {
  const t = useMessages(campaignMessages);
  const session = useSession();
  const directory = useUnits();
  const today = useSystemToday();
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const [items, setItems] = useState<CampaignSummary[]>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const canCreate = session?.user.roles.includes('dispatcher') ?? false;

  const load = useCallback(async () => {
    setLoading(true);
    const { data, error: problem, response } = await api.GET('/v1/campaigns');
    setLoading(false);
    if (data) {
      setItems(data.items);
      setError(undefined);
    } else setError(failureReason(problem, response));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const shown = (items ?? []).filter((item) => !q || item.name.includes(q.trim()));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space align="baseline" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }}>
            {t('listTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('listIntro')}</Typography.Text>
        </div>
        {canCreate && (
          <Link to="/console/campaigns/new">
            <Button type="primary" icon={<PlusOutlined aria-hidden />} tabIndex={-1}>
              {t('create')}
            </Button>
          </Link>
        )}
      </Space>
      <Card size="small">
        <Input.Search
          aria-label={t('filterName')}
          placeholder={t('filterName')}
          allowClear
          defaultValue={q}
          style={{ maxWidth: 360 }}
          onSearch={(value) => {
            const next = new URLSearchParams(search);
            if (value.trim()) next.set('q', value.trim());
            else next.delete('q');
            setSearch(next, { replace: true });
          }}
        />
      </Card>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t('loadFailed')}
          description={error}
          action={<Button onClick={() => void load()}>{t('retry')}</Button>}
        />
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<CampaignSummary>
          data-testid="campaign-list"
          rowKey="id"
          loading={loading}
          dataSource={shown}
          pagination={shown.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: true }}
          locale={{
            emptyText: <Typography.Text type="secondary">{q ? t('noMatch', { q }) : t('empty')}</Typography.Text>,
          }}
          columns={[
            {
              key: 'name',
              title: t('name'),
              render: (_, item) => <Link to={`/console/campaigns/${item.id}`}>{item.name}</Link>,
            },
            {
              key: 'period',
              title: t('period'),
              render: (_, item) => t('periodText', { from: item.period.from, to: item.period.to }),
            },
            {
              key: 'phase',
              title: t('phases'),
              render: (_, item) => <PhaseTag phases={item.phases} period={item.period} today={today} />,
            },
            { key: 'tasks', title: t('taskCount'), align: 'right', dataIndex: 'taskCount' },
            { key: 'unit', title: t('unit'), render: (_, item) => directory.unitLabel(item.unitId) },
            { key: 'created', title: t('createdAt'), render: (_, item) => formatInstant(item.createdAt) },
          ]}
        />
      </Card>
    </Space>
  );
};

export default CampaignListPage;
