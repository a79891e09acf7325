/**
 * The rectification ledger (`/console/rectification`): the problems of the caller's unit and those below it in the
 * four colours, filtered by source, band, colour and unit (all kept in the URL), counted per colour (a count selects
 * its colour), exported as the Excel ledger, and the look-backs due. The office that keeps the ledger registers a
 * problem or imports a ledger from here.
 */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { CaseSummary } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { ColourTag } from '../../common/ColourTag.tsx';
import { saveFile } from '../../common/download.ts';
import { ListHeading } from '../../common/ListHeading.tsx';
import { ListTable } from '../../common/ListTable.tsx';
import { type Colour, colourLabels, colourOrder, stateLabels } from '../../common/labels.ts';
import { withChanges } from '../../common/searchParams.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { useUnits } from '../cases/list/directory.ts';
import { formatDate } from '../cases/list/format.ts';
import { CountButton } from '../ledger/CountButton.tsx';
import { filenameFrom } from '../statistics/exports.ts';
import { failureReason } from '../statistics/problem.ts';
import { LookBacksDue } from './LookBacksDue.tsx';
import {
  bandLabels,
  bands,
  closeOutStageLabels,
  type RectificationBand,
  type RectificationSource,
  sourceLabels,
  sources,
} from './labels.ts';
import { rectificationMessages } from './messages.ts';
import { type ProblemFilter, useProblems } from './useProblems.ts';

interface Filters extends ProblemFilter {
  readonly colour?: Colour;
}

const filterNames = ['source', 'band', 'colour', 'unit'] as const;

const RectificationLedgerPage = () => {
  const t = useMessages(rectificationMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const registrar = useSession()?.user.roles.includes('dispatcher') ?? false;
  const units = useUnits();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo<Filters>(
    () =>
      Object.fromEntries(
        filterNames.flatMap((name) => {
          const value = search.get(name);
          return value ? [[name, value]] : [];
        }),
      ) as Filters,
    [search],
  );
  const { colour, ...apiFilter } = filters;
  const problems = useProblems(apiFilter);
  const [form] = Form.useForm<Filters>();
  const [exporting, setExporting] = useState(false);

  // The URL is the truth: back/forward and bookmarks set the form.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(filters);
  }, [filters, form]);

  const go = (changes: Partial<Record<(typeof filterNames)[number], string | undefined>>) =>
    setSearch(withChanges(search, changes));

  const counts = Object.fromEntries(colourOrder.map((each) => [each, 0])) as Record<Colour, number>;
  for (const item of problems.items) if (item.colour) counts[item.colour] += 1;
  const shown = colour ? problems.items.filter((item) => item.colour === colour) : problems.items;
  const unitName = (id: string | undefined) => (id && units.find((unit) => unit.id === id)?.name) || id || '—';

  const exportLedger = async () => {
    setExporting(true);
    message.open({ key: 'export', type: 'loading', content: t('exporting'), duration: 0 });
    try {
      const { data, error, response } = await api.GET('/v1/rectification-problems/export', {
        params: { query: { format: 'xlsx', ...apiFilter } },
        parseAs: 'blob',
      });
      if (!response.ok || !(data instanceof Blob)) throw new Error(failureReason(error, response));
      saveFile({ blob: data, filename: filenameFrom(response.headers.get('content-disposition')) ?? '整改台账.xlsx' });
      message.open({ key: 'export', type: 'success', content: t('exported'), duration: 3 });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      message.open({ key: 'export', type: 'error', content: t('exportFailed', { reason }), duration: 10 });
    } finally {
      setExporting(false);
    }
  };

  const select = {
    allowClear: true,
    placeholder: t('any'),
    style: { width: 200 },
    showSearch: { optionFilterProp: 'label' },
  } as const;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ListHeading title={t('ledgerTitle')} intro={t('ledgerIntro')}>
        {registrar && (
          <>
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => navigate('/console/rectification/new')}
            >
              {t('newProblem')}
            </Button>
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => navigate('/console/rectification/import')}>
              {t('importLedger')}
            </Button>
          </>
        )}
        <Button
          icon={<DownloadOutlined aria-hidden />}
          loading={exporting}
          onClick={() => void exportLedger()}
          data-testid="export-ledger"
        >
          {t('export')}
        </Button>
      </ListHeading>
      <Card>
        <Form<Filters>
          form={form}
          layout="inline"
          aria-label={t('filters')}
          onValuesChange={(_, all) => go(Object.fromEntries(filterNames.map((name) => [name, all[name] ?? undefined])))}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="source" label={t('source')}>
            <Select<RectificationSource>
              {...select}
              options={sources.map((value) => ({ value, label: sourceLabels[value][language] }))}
            />
          </Form.Item>
          <Form.Item name="band" label={t('band')}>
            <Select<RectificationBand>
              {...select}
              options={bands.map((value) => ({ value, label: bandLabels[value][language] }))}
            />
          </Form.Item>
          <Form.Item name="colour" label={t('colour')}>
            <Select<Colour>
              {...select}
              options={colourOrder.map((value) => ({ value, label: colourLabels[value][language] }))}
            />
          </Form.Item>
          <Form.Item name="unit" label={t('unit')}>
            <Select
              {...select}
              style={{ width: 220 }}
              options={units.map((unit) => ({
                value: unit.id,
                label: unit.path.length > 1 ? `${'　'.repeat(unit.path.length - 1)}${unit.name}` : unit.name,
              }))}
            />
          </Form.Item>
          <Form.Item>
            <Button onClick={() => go({ source: undefined, band: undefined, colour: undefined, unit: undefined })}>
              {t('clear')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small">
        <Flex
          align="center"
          wrap
          gap="middle"
          role="group"
          aria-label={t('counts')}
          aria-busy={problems.loading}
          data-testid="problem-counts"
        >
          <Typography.Text strong>{t('counts')}</Typography.Text>
          {colourOrder.map((each) => (
            <Space key={each} size={6}>
              <ColourTag colour={each} short />
              <CountButton
                colour={each}
                count={counts[each]}
                label={t('countLabel', { colour: colourLabels[each][language], count: counts[each] })}
                pressed={colour === each}
                onSelect={() => go({ colour: colour === each ? undefined : each })}
              />
            </Space>
          ))}
          <Typography.Text type="secondary" data-testid="problems-shown">
            {colour
              ? t('shownOf', {
                  colour: colourLabels[colour][language],
                  count: shown.length,
                  total: problems.items.length,
                })
              : t('shown', { count: problems.items.length })}
          </Typography.Text>
        </Flex>
      </Card>
      {problems.error && <Alert type="error" showIcon title={t('failed')} description={problems.error} />}
      {problems.truncated && <Alert type="warning" showIcon title={t('truncated', { count: problems.items.length })} />}
      <Card styles={{ body: { padding: 0 } }}>
        <ListTable<CaseSummary>
          items={shown}
          empty={t('empty')}
          loading={problems.loading}
          data-testid="problem-table"
          onRow={(item) => ({ 'data-colour': item.colour ?? '' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'number',
              title: t('number'),
              render: (_, item) => <Link to={`/console/cases/${item.id}`}>{item.number}</Link>,
            },
            {
              key: 'colour',
              title: t('colour'),
              render: (_, item) => (item.colour ? <ColourTag colour={item.colour} short /> : '—'),
            },
            { key: 'title', title: t('description'), render: (_, item) => item.title ?? '—' },
            {
              key: 'source',
              title: t('source'),
              render: (_, item) => (item.source ? sourceLabels[item.source][language] : '—'),
            },
            {
              key: 'band',
              title: t('band'),
              render: (_, item) => (item.band ? bandLabels[item.band][language] : '—'),
            },
            { key: 'unit', title: t('unit'), render: (_, item) => unitName(item.departmentId) },
            {
              key: 'stage',
              title: t('stage'),
              render: (_, item) =>
                item.closeOutStage
                  ? closeOutStageLabels[item.closeOutStage][language]
                  : stateLabels[item.state][language],
            },
            { key: 'due', title: t('dueAt'), render: (_, item) => formatDate(item.dueAt) || '—' },
            { key: 'lookBack', title: t('lookBackDue'), render: (_, item) => item.lookBackDue ?? '—' },
          ]}
        />
      </Card>
      <LookBacksDue />
    </Space>
  );
};

export default RectificationLedgerPage;
