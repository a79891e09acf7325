/**
 * One draw (`/console/inspections/draws/:id`, `GET /v1/draws/{id}`): whether it verifies — the API runs it again from
 * the published snapshot and seed on every read — at the top; the tally per class (firms, rate, drawn); the drawn firms
 * in draw order with their inspectors (name and certificate number) and whether each is inspected yet, with the way to
 * record an inspection for those who record them; the verification data (algorithm, seed and its source, the
 * snapshot's SHA-256 published and recomputed, computed again in the browser too, the snapshot to download or copy
 * exactly as hashed, and the `npm run verify-draw` command); the plan and its inspection items.
 */
import { CopyOutlined, DownloadOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { DrawDetails } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { BackLink } from '../../common/BackLink.tsx';
import { InspectionItems } from '../../common/InspectionItems.tsx';
import { RecordLoading } from '../../common/RecordLoading.tsx';
import { Section } from '../../common/Section.tsx';
import { saveSnapshot, useSha256Hex } from '../../common/snapshot.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { usePeople } from '../cases/case/directory.ts';
import { formatInstant } from '../cases/case/format.ts';
import { readFailure } from '../statistics/problem.ts';
import { classLabels } from './labels.ts';
import { planMessages } from './planMessages.ts';

type Tally = DrawDetails['result']['classes'][number];
type DrawnEntity = DrawDetails['result']['entities'][number];

/** Who records inspections (the API's rule). */
const recorders = ['handler', 'lead', 'supervisor', 'admin'];

const mono = { fontFamily: 'monospace', wordBreak: 'break-all' } as const;

/** What the snapshot holds, counted: firms, inspectors, exclusions. */
const snapshotCounts = (snapshot: string) => {
  try {
    const parsed = JSON.parse(snapshot) as { entities?: unknown[]; inspectors?: unknown[]; exclusions?: unknown[] };
    return {
      entities: parsed.entities?.length ?? 0,
      inspectors: parsed.inspectors?.length ?? 0,
      exclusions: parsed.exclusions?.length ?? 0,
    };
  } catch {
    return { entities: 0, inspectors: 0, exclusions: 0 };
  }
};

const FlagTag = ({ value, testId }: { value: boolean; testId: string }) => {
  const t = useMessages(planMessages);
  return (
    <Tag color={value ? '#16803c' : '#c62828'} data-testid={testId} data-value={String(value)}>
      {value ? t('yes') : t('no')}
    </Tag>
  );
};

const VerificationSection = ({ draw }: { draw: DrawDetails }) => {
  const t = useMessages(planMessages);
  const { message } = App.useApp();
  const browserHash = useSha256Hex(draw.snapshot);

  const bytes = new TextEncoder().encode(draw.snapshot).length;
  const counts = snapshotCounts(draw.snapshot);
  const command = `npm run verify-draw -- ${draw.id}`;
  const download = () => saveSnapshot(draw.snapshot, `draw-${draw.id}-snapshot.json`);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draw.snapshot);
      void message.success(t('copied'));
    } catch (cause) {
      void message.error(t('copyFailed', { reason: cause instanceof Error ? cause.message : String(cause) }));
    }
  };

  return (
    <Section title={t('verificationSection')} testId="draw-verification">
      <Typography.Paragraph type="secondary">{t('verificationIntro')}</Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 220 } }}
        items={[
          {
            key: 'algorithm',
            label: t('algorithm'),
            children: (
              <span data-testid="draw-algorithm">
                {t('algorithmVersion', { name: draw.algorithm.name, version: draw.algorithm.version })}
              </span>
            ),
          },
          { key: 'generator', label: t('generator'), children: draw.algorithm.generator },
          { key: 'description', label: t('algorithmDescription'), children: draw.algorithm.description },
          {
            key: 'seed',
            label: t('seedLabel'),
            children: (
              <Space orientation="vertical" size={4}>
                {/* Not in a monospace face: a seed may be Chinese text, which such faces may lack. */}
                <Typography.Text strong copyable data-testid="draw-seed" style={{ wordBreak: 'break-all' }}>
                  {draw.seed}
                </Typography.Text>
                <Tag color={draw.seedSource === 'given' ? '#16803c' : 'default'} data-testid="draw-seed-source">
                  {draw.seedSource === 'given' ? t('seedSourceGiven') : t('seedSourceGenerated')}
                </Tag>
              </Space>
            ),
          },
          {
            key: 'hash',
            label: t('snapshotHash'),
            children: (
              <Typography.Text code copyable data-testid="snapshot-hash" style={mono}>
                {draw.snapshotHash}
              </Typography.Text>
            ),
          },
          {
            key: 'recomputed',
            label: t('recomputedHash'),
            children: (
              <Typography.Text code data-testid="recomputed-hash" style={mono}>
                {draw.check.recomputedHash}
              </Typography.Text>
            ),
          },
          {
            key: 'browser',
            label: t('browserHash'),
            children:
              browserHash === undefined ? (
                '…'
              ) : browserHash === null ? (
                <Typography.Text type="secondary">{t('browserHashUnavailable')}</Typography.Text>
              ) : (
                <Space orientation="vertical" size={4}>
                  <Typography.Text code data-testid="browser-hash" style={mono}>
                    {browserHash}
                  </Typography.Text>
                  <Tag
                    color={browserHash === draw.snapshotHash ? '#16803c' : '#c62828'}
                    data-testid="browser-hash-matches"
                    data-value={String(browserHash === draw.snapshotHash)}
                  >
                    {browserHash === draw.snapshotHash ? t('browserHashMatches') : t('browserHashDiffers')}
                  </Tag>
                </Space>
              ),
          },
          {
            key: 'hashMatches',
            label: t('hashMatches'),
            children: <FlagTag value={draw.check.hashMatches} testId="check-hash" />,
          },
          {
            key: 'resultMatches',
            label: t('resultMatches'),
            children: <FlagTag value={draw.check.resultMatches} testId="check-result" />,
          },
          {
            key: 'matches',
            label: t('matches'),
            children: <FlagTag value={draw.check.matches} testId="check-matches" />,
          },
          {
            key: 'snapshot',
            label: t('snapshot'),
            children: (
              <Space orientation="vertical" size={8}>
                <Typography.Text>{t('snapshotSize', { bytes, ...counts })}</Typography.Text>
                <Space wrap>
                  <Button icon={<DownloadOutlined aria-hidden />} onClick={download} data-testid="download-snapshot">
                    {t('downloadSnapshot')}
                  </Button>
                  <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy()}>
                    {t('copySnapshot')}
                  </Button>
                </Space>
                <Typography.Text type="secondary">{t('snapshotHelp')}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'command',
            label: t('command'),
            children: (
              <Space orientation="vertical" size={4}>
                <Typography.Text type="secondary">{t('commandHelp')}</Typography.Text>
                <Typography.Text code copyable data-testid="verify-command">
                  {command}
                </Typography.Text>
              </Space>
            ),
          },
        ]}
      />
    </Section>
  );
};

const DrawPage = () => {
  const t = useMessages(planMessages);
  const { language } = useI18n();
  const { id = '' } = useParams();
  const session = useSession();
  const people = usePeople();
  const canRecord = recorders.some((role) => session?.user.roles.includes(role));
  const [draw, setDraw] = useState<DrawDetails>();
  const [failure, setFailure] = useState<string>();

  const load = useCallback(async () => {
    setFailure(undefined);
    const { data, error, response } = await api.GET('/v1/draws/{id}', { params: { path: { id } } });
    if (data) setDraw(data);
    else setFailure(readFailure(error, response));
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const back = (
    <BackLink to={draw ? `/console/inspections?period=${draw.period}` : '/console/inspections'} label={t('back')} />
  );
  if (!draw) {
    return (
      <>
        {back}
        <RecordLoading
          failure={failure}
          onRetry={() => void load()}
          texts={{ loadFailed: t('drawFailed'), notFound: t('drawNotFound'), retry: t('retry') }}
          style={{ marginTop: 16 }}
        />
      </>
    );
  }

  const inspectorOf = new Map(draw.inspectors.map((inspector) => [inspector.certificateNumber, inspector]));
  const { check } = draw;
  const mismatches = [
    ...(check.hashMatches ? [] : [t('hashMismatch')]),
    ...(check.resultMatches ? [] : [t('resultMismatch')]),
  ];
  const totals = draw.result.classes.reduce(
    (sum, tally) => ({ pool: sum.pool + tally.pool, drawn: sum.drawn + tally.drawn }),
    { pool: 0, drawn: 0 },
  );

  return (
    <div data-testid="draw-page" data-draw={draw.id}>
      {back}
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8, marginBottom: 4 }}>
        {t('drawHeading', { name: draw.planName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('drawMeta', { period: draw.period, at: formatInstant(draw.drawnAt), by: people(draw.drawnBy), id: draw.id })}
      </Typography.Paragraph>

      <Alert
        type={check.matches ? 'success' : 'error'}
        showIcon
        role={check.matches ? 'status' : 'alert'}
        style={{ marginBottom: 16 }}
        data-testid="draw-verified"
        data-verified={String(check.matches)}
        title={check.matches ? t('verified') : t('notVerified')}
        description={
          <Space orientation="vertical" size={4}>
            <span>
              {check.matches ? t('verifiedHelp') : t('notVerifiedHelp', { what: mismatches.join('；') || '—' })}
            </span>
            <span>
              {t('snapshotHash')}：
              <Typography.Text code style={mono}>
                {draw.snapshotHash}
              </Typography.Text>
            </span>
          </Space>
        }
      />

      <Section title={t('tallySection')} testId="draw-tally">
        <Typography.Paragraph type="secondary">{t('tallyIntro')}</Typography.Paragraph>
        <Table<Tally>
          size="small"
          rowKey="class"
          pagination={false}
          scroll={{ x: true }}
          dataSource={draw.result.classes}
          onRow={(tally) => ({ 'data-class': tally.class }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'class', title: t('class'), render: (_, tally) => classLabels[tally.class][language] },
            { key: 'pool', title: t('pool'), dataIndex: 'pool', align: 'right' },
            {
              key: 'rate',
              title: t('rate'),
              align: 'right',
              render: (_, tally) => t('percent', { rate: tally.rate }),
            },
            {
              key: 'drawn',
              title: t('drawn'),
              align: 'right',
              render: (_, tally) => <span data-testid="tally-drawn">{tally.drawn}</span>,
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {totals.pool}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
              <Table.Summary.Cell index={3} align="right">
                <Typography.Text strong data-testid="tally-total">
                  {totals.drawn}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Section>

      <Section title={t('entitiesSection')} testId="draw-entities">
        <Typography.Paragraph type="secondary">{t('entitiesIntro')}</Typography.Paragraph>
        <Table<DrawnEntity>
          data-testid="drawn-table"
          size="small"
          rowKey="uscc"
          pagination={false}
          scroll={{ x: true }}
          dataSource={draw.result.entities}
          onRow={(entity) =>
            ({
              'data-uscc': entity.uscc,
              'data-inspected': String(draw.inspected[entity.uscc] !== undefined),
            }) as React.HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <Typography.Text type="secondary">{t('noEntities')}</Typography.Text> }}
          columns={[
            { key: 'order', title: t('order'), dataIndex: 'order', align: 'right' },
            {
              key: 'name',
              title: t('enterprise'),
              render: (_, entity) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/console/enterprises/${entity.uscc}`}>{entity.name}</Link>
                  <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                    {entity.uscc}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'class',
              title: t('class'),
              render: (_, entity) => <Tag>{classLabels[entity.class][language]}</Tag>,
            },
            {
              key: 'inspectors',
              title: t('inspectors'),
              render: (_, entity) => (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {entity.inspectors.map((certificate) => (
                    <li key={certificate} data-testid="drawn-inspector">
                      {inspectorOf.get(certificate)?.name ?? '—'}（
                      <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                        {certificate}
                      </Typography.Text>
                      ）
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'inspected',
              title: t('inspected'),
              render: (_, entity) =>
                draw.inspected[entity.uscc] !== undefined ? (
                  <Tag color="#16803c">{t('inspectedYes')}</Tag>
                ) : (
                  <Space wrap>
                    <Tag>{t('inspectedNo')}</Tag>
                    {canRecord && (
                      <Link
                        to={`/console/inspections/records/new?${new URLSearchParams({ drawId: draw.id, uscc: entity.uscc })}`}
                        aria-label={t('recordInspectionLabel', { name: entity.name })}
                      >
                        <FormOutlined aria-hidden /> {t('recordInspection')}
                      </Link>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Section>

      <VerificationSection draw={draw} />

      <Section title={t('planSection')} testId="draw-plan">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'plan', label: t('plan'), children: draw.planName },
            { key: 'period', label: t('period'), children: draw.period },
            {
              key: 'items',
              label: t('itemsChecked'),
              children: <InspectionItems items={draw.items} />,
            },
          ]}
        />
      </Section>
    </div>
  );
};

export default DrawPage;
