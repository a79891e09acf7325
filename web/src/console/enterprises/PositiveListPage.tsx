/**
 * The positive list (`/console/enterprises/positive-list`, `GET /v1/positive-list`): the rules in force, the members
 * with why, since when and by whom each entered, and the firms that qualify and are not on it (`candidates=true`, read
 * only on its tab). Supervisors and administrators enter a firm with a reason (`POST /v1/positive-list`; a refusal
 * shows the API's detail, which names every unmet condition) and remove one with a reason, for a serious violation or
 * not (`POST /v1/positive-list/{uscc}/removal`). The tab is kept in the address.
 */
import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { PositiveList } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { PageHeading } from '../../common/PageHeading.tsx';
import { RefusalAlert } from '../../common/RefusalAlert.tsx';
import { RetryAlert } from '../../common/RetryAlert.tsx';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { usePeople } from '../cases/case/directory.ts';
import { formatInstant } from '../cases/case/format.ts';
import { GradeTag, gradeLabels } from '../grading/labels.tsx';
import { failureReason } from '../statistics/problem.ts';
import { enterpriseMessages } from './messages.ts';

type Member = PositiveList['members'][number];
type Candidate = NonNullable<PositiveList['candidates']>[number];
type Tab = 'members' | 'candidates';

/** Who decides the list (the API's rule): supervisors and administrators. */
export const positiveListOfficials = ['supervisor', 'admin'];

/** The firm a dialog acts on; an entry without one asks for the code. */
interface Target {
  readonly uscc: string;
  readonly name: string;
}

const rowData = (uscc: string) => ({ 'data-uscc': uscc }) as React.HTMLAttributes<HTMLElement>;

const EnterDialog = ({
  open,
  target,
  onClose,
  onEntered,
}: {
  open: boolean;
  target: Target | undefined;
  onClose: () => void;
  onEntered: (name: string) => void;
}) => {
  const t = useMessages(enterpriseMessages);
  const [form] = Form.useForm<{ uscc: string; reason: string }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      setRefusal(undefined);
    }
  }, [open, form]);

  const submit = async ({ uscc, reason }: { uscc?: string; reason: string }) => {
    setSaving(true);
    try {
      const { data, error, response } = await api.POST('/v1/positive-list', {
        body: { uscc: target?.uscc ?? uscc?.trim() ?? '', reason: reason.trim() },
      });
      if (data) onEntered(data.name);
      else setRefusal(failureReason(error, response));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={target ? t('enterTitle', { name: target.name }) : t('enterOtherTitle')}
      okText={t('enter')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        {!target && (
          <Form.Item
            name="uscc"
            label={t('uscc')}
            rules={[{ required: true, message: t('required', { field: t('uscc') }) }]}
          >
            <Input style={{ fontFamily: 'monospace' }} maxLength={18} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('enterReason')}
          extra={t('enterReasonHelp')}
          rules={[{ required: true, whitespace: true, message: t('required', { field: t('enterReason') }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      <RefusalAlert title={t('enterRefused')} refusal={refusal} testId="enter-refused" />
    </Modal>
  );
};

const RemoveDialog = ({
  target,
  barYears,
  onClose,
  onRemoved,
}: {
  target: Target | undefined;
  barYears: number;
  onClose: () => void;
  onRemoved: (name: string) => void;
}) => {
  const t = useMessages(enterpriseMessages);
  const [form] = Form.useForm<{ reason: string; serious: boolean }>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  useEffect(() => {
    if (target) {
      form.resetFields();
      setRefusal(undefined);
    }
  }, [target, form]);

  const submit = async ({ reason, serious }: { reason: string; serious?: boolean }) => {
    if (!target) return;
    setSaving(true);
    try {
      const { data, error, response } = await api.POST('/v1/positive-list/{uscc}/removal', {
        params: { path: { uscc: target.uscc } },
        body: { reason: reason.trim(), serious: serious ?? false },
      });
      if (data) onRemoved(data.name);
      else setRefusal(failureReason(error, response));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== undefined}
      title={target ? t('removeTitle', { name: target.name }) : ''}
      okText={t('remove')}
      okButtonProps={{ danger: true }}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ serious: false }} onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('removeReason')}
          rules={[{ required: true, whitespace: true, message: t('required', { field: t('removeReason') }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item
          name="serious"
          label={t('removeSerious')}
          valuePropName="checked"
          extra={t('removeSeriousHelp', { years: barYears })}
        >
          <Switch />
        </Form.Item>
      </Form>
      <RefusalAlert title={t('removeRefused')} refusal={refusal} testId="remove-refused" />
    </Modal>
  );
};

const PositiveListPage = () => {
  const t = useMessages(enterpriseMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const people = usePeople();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = search.get('tab') === 'candidates' ? 'candidates' : 'members';
  const [list, setList] = useState<PositiveList>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [entering, setEntering] = useState<{ target?: Target }>();
  const [removing, setRemoving] = useState<Target>();
  const canDecide = positiveListOfficials.some((role) => session?.user.roles.includes(role));

  const load = useCallback(async () => {
    setLoading(true);
    const {
      data,
      error: problem,
      response,
    } = await api.GET('/v1/positive-list', {
      params: { query: tab === 'candidates' ? { candidates: 'true' } : {} },
    });
    setLoading(false);
    if (data) {
      setList(data);
      setError(undefined);
    } else setError(failureReason(problem, response));
  }, [tab]);
  useEffect(() => {
    void load();
  }, [load]);

  const actor = (by: string | undefined) => (by === undefined ? '—' : by === 'system' ? t('systemActor') : people(by));
  const nameColumn = {
    key: 'name',
    title: t('name'),
    render: (_: unknown, item: { uscc: string; name: string }) => (
      <Link to={`/console/enterprises/${item.uscc}`}>{item.name}</Link>
    ),
  };
  const usccColumn = {
    key: 'uscc',
    title: t('uscc'),
    render: (_: unknown, item: { uscc: string }) => <span style={{ fontFamily: 'monospace' }}>{item.uscc}</span>,
  };
  const gradeColumn = {
    key: 'grade',
    title: t('grade'),
    render: (_: unknown, item: { grade?: Member['grade'] }) => <GradeTag grade={item.grade} />,
  };

  const members = (
    <Table<Member>
      data-testid="positive-list-members"
      size="small"
      rowKey="uscc"
      loading={loading}
      dataSource={list?.members ?? []}
      pagination={false}
      scroll={{ x: true }}
      onRow={(item) => rowData(item.uscc)}
      locale={{ emptyText: <Typography.Text type="secondary">{t('noMembers')}</Typography.Text> }}
      columns={[
        nameColumn,
        usccColumn,
        { key: 'town', title: t('town'), dataIndex: 'town' },
        gradeColumn,
        { key: 'reason', title: t('reason'), dataIndex: 'reason' },
        { key: 'since', title: t('since'), render: (_, item) => formatInstant(item.since) },
        { key: 'by', title: t('decidedBy'), render: (_, item) => actor(item.by) },
        ...(canDecide
          ? [
              {
                key: 'actions',
                title: t('actions'),
                render: (_: unknown, item: Member) => (
                  <Button
                    size="small"
                    danger
                    icon={<LogoutOutlined aria-hidden />}
                    aria-label={`${t('remove')} ${item.name}`}
                    onClick={() => setRemoving({ uscc: item.uscc, name: item.name })}
                  >
                    {t('remove')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );

  const candidates = (
    <Table<Candidate>
      data-testid="positive-list-candidates"
      size="small"
      rowKey="uscc"
      loading={loading}
      dataSource={list?.candidates ?? []}
      pagination={false}
      scroll={{ x: true }}
      onRow={(item) => rowData(item.uscc)}
      locale={{ emptyText: <Typography.Text type="secondary">{t('noCandidates')}</Typography.Text> }}
      columns={[
        nameColumn,
        usccColumn,
        { key: 'town', title: t('town'), dataIndex: 'town' },
        gradeColumn,
        ...(canDecide
          ? [
              {
                key: 'actions',
                title: t('actions'),
                render: (_: unknown, item: Candidate) => (
                  <Button
                    size="small"
                    type="primary"
                    icon={<LoginOutlined aria-hidden />}
                    aria-label={`${t('enter')} ${item.name}`}
                    onClick={() => setEntering({ target: { uscc: item.uscc, name: item.name } })}
                  >
                    {t('enter')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <div data-testid="positive-list-page">
      <PageHeading back="/console/enterprises" backLabel={t('back')} title={t('listTitle')} intro={t('listIntro')} />
      {error && (
        <RetryAlert
          title={t('listFailed')}
          reason={error}
          retry={t('retry')}
          onRetry={() => void load()}
          style={{ marginBottom: 16 }}
        />
      )}
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <section aria-labelledby="positive-list-rules">
          <Card
            title={
              <Typography.Title level={2} id="positive-list-rules" style={{ fontSize: 16, margin: 0 }}>
                {t('rules')}
              </Typography.Title>
            }
            loading={!list && !error}
          >
            {list && (
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                data-testid="positive-list-rules"
                items={[
                  {
                    key: 'grades',
                    label: t('entryGrades'),
                    children: list.rules.entryGrades.map((grade) => gradeLabels[grade][language]).join('、'),
                  },
                  {
                    key: 'clean',
                    label: t('cleanMonths'),
                    children: t('cleanMonthsText', { months: list.rules.cleanMonths }),
                  },
                  { key: 'bar', label: t('barYears'), children: t('barYearsText', { years: list.rules.barYears }) },
                  {
                    key: 'falls',
                    label: t('removeWhenGradeFalls'),
                    children: list.rules.removeWhenGradeFalls
                      ? t('removeWhenGradeFallsYes')
                      : t('removeWhenGradeFallsNo'),
                  },
                  { key: 'version', label: t('rulesVersionLabel'), children: list.rules.version },
                ]}
              />
            )}
          </Card>
        </section>
        <section aria-labelledby="positive-list-firms">
          <Card
            title={
              <Typography.Title level={2} id="positive-list-firms" style={{ fontSize: 16, margin: 0 }}>
                {t('positiveListLink')}
              </Typography.Title>
            }
            extra={canDecide && <Button onClick={() => setEntering({})}>{t('enterOther')}</Button>}
          >
            <Tabs
              activeKey={tab}
              onChange={(key) => setSearch(key === 'candidates' ? { tab: key } : {}, { replace: true })}
              items={[
                { key: 'members', label: t('members'), children: tab === 'members' ? members : null },
                { key: 'candidates', label: t('candidates'), children: tab === 'candidates' ? candidates : null },
              ]}
            />
          </Card>
        </section>
      </Space>
      <EnterDialog
        open={entering !== undefined}
        target={entering?.target}
        onClose={() => setEntering(undefined)}
        onEntered={(name) => {
          setEntering(undefined);
          void message.success(t('entered', { name }));
          void load();
        }}
      />
      <RemoveDialog
        target={removing}
        barYears={list?.rules.barYears ?? 0}
        onClose={() => setRemoving(undefined)}
        onRemoved={(name) => {
          setRemoving(undefined);
          void message.success(t('removed', { name }));
          void load();
        }}
      />
    </div>
  );
};

export default PositiveListPage;
