/**
 * The two pools of random inspection (`/console/inspections/pools`). The inspector pool
 * (`GET /v1/inspection-plans/inspectors`, kept and seen by supervisors and administrators): each inspector's name, unit,
 * certificate number, whether in the pool and the ties declared with their reasons; a planner enters a directory user
 * or edits an entry (`PUT /v1/inspection-plans/inspectors/{username}`, the API's field errors under the fields). The
 * firm pool: the supervision classes with the rules that put a registered firm in each and their default rates, and how
 * many firms each held at the latest draw of this quarter or the last (the draws' published tallies; the register has
 * no count by class of its own).
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Colleague, DrawSummary, Inspector, InspectorEntry } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { PageHeading } from '../../common/PageHeading.tsx';
import { quarterOf, shiftQuarter } from '../../common/quarters.ts';
import { RefusalAlert, refusalText } from '../../common/RefusalAlert.tsx';
import { RetryAlert } from '../../common/RetryAlert.tsx';
import { Section } from '../../common/Section.tsx';
import { StampCell } from '../../common/StampCell.tsx';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { loadUsers, usePeople, useUnits } from '../cases/case/directory.ts';
import { bureauDay, fetchSystemNow, formatInstant } from '../cases/case/format.ts';
import { failureReason } from '../statistics/problem.ts';
import { classLabels, defaultRates, type SupervisionClass } from './labels.ts';
import { type PlanMessage, planMessages } from './planMessages.ts';

const planners = ['supervisor', 'admin'];

/** Each class's rule in words (the API's `classRules`, version 1); the rules in the order read. */
const classRules: Readonly<Record<SupervisionClass, PlanMessage>> = {
  'key-polluter': 'ruleKeyPolluter',
  special: 'ruleSpecial',
  general: 'ruleGeneral',
  'positive-list': 'rulePositiveList',
};
const ruleOrder: readonly SupervisionClass[] = ['special', 'positive-list', 'key-polluter', 'general'];

interface InspectorValues {
  username?: string;
  certificateNumber: string;
  active: boolean;
  ties: { uscc?: string; reason?: string }[];
}

const inspectorFields = ['username', 'certificateNumber', 'active', 'ties'];

/**
 * Entering a user in the pool, or editing an entry (`editing`). Mounted for each opening, so that its form starts
 * from this opening's values (a form's store outlives a hidden dialog's fields and would keep the last opening's).
 */
const InspectorDialog = ({
  editing,
  pool,
  onClose,
  onSaved,
}: {
  editing: Inspector | undefined;
  pool: readonly Inspector[];
  onClose: () => void;
  onSaved: (inspector: Inspector) => void;
}) => {
  const t = useMessages(planMessages);
  const token = useSession()?.token;
  const [form] = Form.useForm<InspectorValues>();
  const [users, setUsers] = useState<Colleague[]>();
  const [usersError, setUsersError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  useEffect(() => {
    if (editing || !token) return;
    let live = true;
    loadUsers(token).then(
      (items) => live && setUsers(items),
      (cause: unknown) => live && setUsersError(cause instanceof Error ? cause.message : String(cause)),
    );
    return () => {
      live = false;
    };
  }, [editing, token]);

  const required = (field: string) => [{ required: true, whitespace: true, message: t('required', { field }) }];
  const inPool = new Set(pool.map((inspector) => inspector.username));

  const submit = async (values: InspectorValues) => {
    const username = editing?.username ?? values.username;
    if (!username) return;
    setSaving(true);
    setRefusal(undefined);
    try {
      const body: InspectorEntry = {
        certificateNumber: values.certificateNumber.trim(),
        active: values.active,
        ties: (values.ties ?? []).map((tie) => ({
          uscc: tie.uscc?.replace(/\s+/g, '').toUpperCase() ?? '',
          reason: tie.reason?.trim() ?? '',
        })),
      };
      const { data, error, response } = await api.PUT('/v1/inspection-plans/inspectors/{username}', {
        params: { path: { username } },
        body,
      });
      if (data) {
        onSaved(data);
        return;
      }
      setRefusal(refusalText(form, error, response, inspectorFields));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={editing ? t('inspectorFormEdit', { name: editing.name }) : t('inspectorFormAdd')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<InspectorValues>
        form={form}
        layout="vertical"
        aria-label={editing ? t('inspectorFormEdit', { name: editing.name }) : t('inspectorFormAdd')}
        data-testid="inspector-form"
        initialValues={
          editing
            ? {
                certificateNumber: editing.certificateNumber,
                active: editing.active,
                ties: editing.ties.map((tie) => ({ ...tie })),
              }
            : { active: true, ties: [] }
        }
        onFinish={(values) => void submit(values)}
      >
        {!editing && (
          <Form.Item name="username" label={t('user')} extra={t('userHelp')} rules={required(t('user'))}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('userPlaceholder')}
              loading={!users && !usersError}
              options={(users ?? [])
                .filter((user) => !inPool.has(user.username))
                .map((user) => ({ value: user.username, label: `${user.displayName}（${user.username}）` }))}
            />
          </Form.Item>
        )}
        {usersError && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('usersFailed', { reason: usersError })} />
        )}
        <Form.Item
          name="certificateNumber"
          label={t('certificateNumber')}
          extra={t('certificateHelp')}
          rules={[
            ...required(t('certificateNumber')),
            { pattern: /^\s*[0-9A-Za-z-]{6,30}\s*$/, message: t('certificateHelp') },
          ]}
        >
          <Input maxLength={30} style={{ fontFamily: 'monospace', maxWidth: 320 }} />
        </Form.Item>
        <Form.Item name="active" label={t('activeField')} extra={t('activeHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8, borderBottom: 0 }}>{t('ties')}</legend>
          <Form.List name="ties">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, index) => (
                  <Space key={row.key} align="start" wrap data-testid="inspector-tie">
                    <Form.Item
                      name={[row.name, 'uscc']}
                      label={t('tieUsccN', { n: index + 1 })}
                      rules={[...required(t('tieUscc')), { len: 18 }]}
                      normalize={(value: string) => value.replace(/\s+/g, '').toUpperCase()}
                    >
                      <Input maxLength={18} style={{ fontFamily: 'monospace', width: 220 }} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'reason']}
                      label={t('tieReasonN', { n: index + 1 })}
                      rules={[...required(t('tieReason')), { min: 2, max: 200 }]}
                    >
                      <Input maxLength={200} placeholder={t('tieReasonPlaceholder')} style={{ width: 300 }} />
                    </Form.Item>
                    <Button
                      aria-label={t('removeTie', { n: index + 1 })}
                      icon={<DeleteOutlined aria-hidden />}
                      style={{ marginTop: 30 }}
                      onClick={() => remove(row.name)}
                    />
                  </Space>
                ))}
                <Space wrap style={{ marginBottom: 16 }}>
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})} disabled={rows.length >= 50}>
                    {t('addTie')}
                  </Button>
                  <Typography.Text type="secondary">{t('tiesHelp')}</Typography.Text>
                </Space>
              </>
            )}
          </Form.List>
        </fieldset>
      </Form>
      <RefusalAlert title={t('saveRefused')} refusal={refusal} testId="inspector-refused" />
    </Modal>
  );
};

/** The inspector pool, for those who keep it. */
const InspectorPool = () => {
  const t = useMessages(planMessages);
  const { message } = App.useApp();
  const people = usePeople();
  const { unitLabel } = useUnits();
  const [pool, setPool] = useState<Inspector[]>();
  const [error, setError] = useState<string>();
  const [dialog, setDialog] = useState<{ editing?: Inspector }>();

  const load = useCallback(async () => {
    const { data, error: problem, response } = await api.GET('/v1/inspection-plans/inspectors');
    if (data) {
      setPool(data);
      setError(undefined);
    } else setError(failureReason(problem, response));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const active = (pool ?? []).filter((inspector) => inspector.active).length;
  return (
    <Section
      title={t('inspectorPool')}
      testId="inspector-pool"
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({})}>
          {t('addInspector')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('inspectorPoolIntro')}</Typography.Paragraph>
      {error && (
        <RetryAlert
          title={t('poolFailed')}
          reason={error}
          retry={t('retry')}
          onRetry={() => void load()}
          style={{ marginBottom: 16 }}
        />
      )}
      {pool && pool.length > 0 && (
        <Typography.Paragraph data-testid="pool-size">
          {t('poolSize', { active, total: pool.length })}
        </Typography.Paragraph>
      )}
      <Table<Inspector>
        data-testid="inspector-table"
        size="small"
        rowKey="username"
        loading={!pool && !error}
        dataSource={pool ?? []}
        pagination={false}
        scroll={{ x: true }}
        onRow={(inspector) => ({ 'data-username': inspector.username }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Typography.Text type="secondary">{t('emptyPool')}</Typography.Text> }}
        columns={[
          { key: 'name', title: t('inspectorName'), dataIndex: 'name' },
          { key: 'unit', title: t('inspectorUnit'), render: (_, inspector) => unitLabel(inspector.unitId) },
          {
            key: 'certificate',
            title: t('certificateNumber'),
            render: (_, inspector) => (
              <span style={{ fontFamily: 'monospace' }} data-testid="certificate-number">
                {inspector.certificateNumber}
              </span>
            ),
          },
          {
            key: 'active',
            title: t('inPool'),
            render: (_, inspector) =>
              inspector.active ? <Tag color="#16803c">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>,
          },
          {
            key: 'ties',
            title: t('ties'),
            render: (_, inspector) =>
              inspector.ties.length === 0 ? (
                <Typography.Text type="secondary">{t('noTies')}</Typography.Text>
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {inspector.ties.map((tie) => (
                    <li key={tie.uscc}>
                      <Link to={`/console/enterprises/${tie.uscc}`} style={{ fontFamily: 'monospace' }}>
                        {tie.uscc}
                      </Link>
                      ：{tie.reason}
                    </li>
                  ))}
                </ul>
              ),
          },
          {
            key: 'updated',
            title: t('updatedAt'),
            render: (_, inspector) => (
              <StampCell at={formatInstant(inspector.updatedAt)} by={people(inspector.updatedBy)} />
            ),
          },
          {
            key: 'actions',
            title: t('actions'),
            render: (_, inspector) => (
              <Button
                size="small"
                icon={<EditOutlined aria-hidden />}
                aria-label={t('editInspectorLabel', { name: inspector.name })}
                onClick={() => setDialog({ editing: inspector })}
              >
                {t('editInspector')}
              </Button>
            ),
          },
        ]}
      />
      {dialog && (
        <InspectorDialog
          editing={dialog.editing}
          pool={pool ?? []}
          onClose={() => setDialog(undefined)}
          onSaved={(inspector) => {
            setDialog(undefined);
            void message.success(t('saved', { name: inspector.name }));
            void load();
          }}
        />
      )}
    </Section>
  );
};

/** The firm pool: the classes, their rules and default rates, and the firms in each at the latest draw. */
const EntityPool = () => {
  const t = useMessages(planMessages);
  const { language } = useI18n();
  const [latest, setLatest] = useState<DrawSummary | null>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    void fetchSystemNow().then(async (now) => {
      const quarter = quarterOf(bureauDay(now));
      for (const period of [quarter, shiftQuarter(quarter, -1)]) {
        const { data, error: problem, response } = await api.GET('/v1/draws', { params: { query: { period } } });
        if (!live) return;
        if (!data) {
          setError(failureReason(problem, response));
          return;
        }
        // Newest first.
        if (data[0]) {
          setLatest(data[0]);
          return;
        }
      }
      setLatest(null);
    });
    return () => {
      live = false;
    };
  }, []);

  const counts = new Map(latest?.classes.map((tally) => [tally.class, tally.pool]));
  return (
    <Section
      title={t('entityPool')}
      testId="entity-pool"
      extra={<Link to="/console/enterprises">{t('registerLink')}</Link>}
    >
      <Typography.Paragraph type="secondary">{t('entityPoolIntro')}</Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('countsFailed', { reason: error })} />
      )}
      <Table
        data-testid="class-table"
        size="small"
        rowKey="class"
        pagination={false}
        scroll={{ x: true }}
        loading={latest === undefined && !error}
        dataSource={ruleOrder.map((name) => ({ class: name }))}
        onRow={(row) => ({ 'data-class': row.class }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'class',
            title: t('className'),
            render: (_, row) => <Typography.Text strong>{classLabels[row.class][language]}</Typography.Text>,
          },
          { key: 'rule', title: t('rule'), render: (_, row) => t(classRules[row.class]) },
          {
            key: 'rate',
            title: t('defaultRate'),
            render: (_, row) => t('percent', { rate: defaultRates[row.class] }),
          },
          {
            key: 'firms',
            title: t('firms'),
            render: (_, row) => (
              <span data-testid="class-count" data-count={counts.get(row.class) ?? ''}>
                {counts.get(row.class) ?? '—'}
              </span>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {latest
          ? t('classCountsAsOf', { plan: latest.planName, period: latest.period, at: formatInstant(latest.drawnAt) })
          : latest === null
            ? t('noClassCounts')
            : null}
      </Typography.Paragraph>
    </Section>
  );
};

const PoolsPage = () => {
  const t = useMessages(planMessages);
  const session = useSession();
  const canKeep = planners.some((role) => session?.user.roles.includes(role));
  return (
    <div data-testid="inspection-pools-page">
      <PageHeading
        back="/console/inspections"
        backLabel={t('plansLink')}
        title={t('poolsTitle')}
        intro={t('poolsIntro')}
      />
      {canKeep ? (
        <InspectorPool />
      ) : (
        <Section title={t('inspectorPool')} testId="inspector-pool">
          <Typography.Paragraph type="secondary">{t('inspectorPoolIntro')}</Typography.Paragraph>
          <Alert type="info" showIcon title={t('poolPlannersOnly')} />
        </Section>
      )}
      <EntityPool />
    </div>
  );
};

export default PoolsPage;
