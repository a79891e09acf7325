/**
 * The four-colour ledger (`/console`, 四色台账): for a unit and each unit directly below it, how many cases are red
 * (overdue), yellow (due soon), blue (on track) and green (finished this period) — as a board with clickable counts
 * and as a stacked bar chart — and the cases behind the selected count, most urgent first. Filters by kind, category,
 * department and the start of the green count; read again every 30 seconds and when the window regains focus. Beside
 * it, for the roles that may read them, the follow-up survey figures of the unit for this month.
 */
import { SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Form, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CaseSummary } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import {
  type Category,
  categoryLabels,
  colourLabels,
  colourOrder,
  type Kind,
  kindLabels,
} from '../../common/labels.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { usePeople, useUnits } from '../cases/case/directory.ts';
import { formatClockTime } from '../cases/case/format.ts';
import { boardRows, ownRowKey, type Selection, totalRowKey } from './board.ts';
import { LedgerBoard } from './LedgerBoard.tsx';
import { LedgerCases } from './LedgerCases.tsx';
import { LedgerChart } from './LedgerChart.tsx';
import { ledgerMessages } from './messages.ts';
import { SurveySummaryCard, surveySummaryRoles } from './SurveySummaryCard.tsx';
import { fetchLedger, type Ledger, type LedgerQuery, useLedger } from './useLedger.ts';

/** Cases listed per colour (counts are always complete). */
const listLimit = 200;

const filterNames = ['unit', 'kind', 'category', 'department', 'finishedSince'] as const;

const LedgerPage = () => {
  const t = useMessages(ledgerMessages);
  const { language } = useI18n();
  const session = useSession();
  const directory = useUnits();
  const people = usePeople();
  const [search, setSearch] = useSearchParams();
  const chartHeading = useId();
  const casesHeading = useId();
  const boardHeading = useId();

  const query = useMemo<LedgerQuery>(() => {
    const value = (name: (typeof filterNames)[number]) => search.get(name) || undefined;
    return {
      unit: value('unit'),
      kind: value('kind') as LedgerQuery['kind'],
      category: value('category') as LedgerQuery['category'],
      department: value('department'),
      finishedSince: value('finishedSince'),
      limit: listLimit,
    };
  }, [search]);
  const ledger = useLedger(query);
  const { data } = ledger;

  const setFilter = (name: (typeof filterNames)[number], value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'unit') next.delete('department');
    setSearch(next, { replace: true });
  };

  // The units whose ledger the user may read: their own unit and the units below it.
  const ownUnit = session?.user.unitId ?? '';
  const readable = directory.units.filter((unit) => unit.path.includes(ownUnit));
  const boardUnit = data?.unitId ?? query.unit ?? ownUnit;
  const showSurveys = surveySummaryRoles.some((role) => session?.user.roles.includes(role));
  const departments = directory.units.filter((unit) => unit.kind === 'department' && unit.path.includes(boardUnit));

  const ownName = t('ownRow');
  const rows = useMemo(() => {
    const names = new Map(directory.units.map((unit) => [unit.id, unit.name]));
    return data ? boardRows(data, (id) => names.get(id) ?? id, ownName) : [];
  }, [data, directory.units, ownName]);
  const [selection, setSelection] = useState<Selection>();
  useEffect(() => {
    if (!data) return;
    setSelection((current) => {
      if (current && rows.some((row) => row.key === current.row)) return current;
      const colour = colourOrder.find((candidate) => data.counts[candidate] > 0) ?? 'red';
      return { row: totalRowKey, colour };
    });
  }, [data, rows]);

  // The cases of a unit below come from that unit's own ledger, read with the same filters.
  const [childLedger, setChildLedger] = useState<{ unitId: string; data?: Ledger; loading: boolean }>();
  const selectedChild =
    selection && selection.row !== totalRowKey && selection.row !== ownRowKey ? selection.row : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again whenever the board is read again (`updatedAt`)
  useEffect(() => {
    if (!selectedChild) {
      setChildLedger(undefined);
      return;
    }
    let live = true;
    setChildLedger((current) => ({
      unitId: selectedChild,
      data: current?.unitId === selectedChild ? current.data : undefined,
      loading: true,
    }));
    fetchLedger({ ...query, unit: selectedChild }).then(
      (child) => live && setChildLedger({ unitId: selectedChild, data: child, loading: false }),
      () => live && setChildLedger({ unitId: selectedChild, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [selectedChild, query, ledger.updatedAt]);

  const selectedRow = rows.find((row) => row.key === selection?.row);
  const selectedCases: readonly CaseSummary[] = (() => {
    if (!data || !selection) return [];
    if (selection.row === totalRowKey) return data.cases[selection.colour];
    if (selection.row === ownRowKey) {
      const below = new Set(data.units.map((unit) => unit.unitId));
      const pathOf = (id: string) => directory.units.find((unit) => unit.id === id)?.path ?? [id];
      return data.cases[selection.colour].filter(
        (item) => !pathOf(item.departmentId ?? item.unitId).some((id) => below.has(id)),
      );
    }
    return childLedger?.unitId === selection.row ? (childLedger.data?.cases[selection.colour] ?? []) : [];
  })();
  const selectedCount = selectedRow && selection ? selectedRow.counts[selection.colour] : 0;
  const chartRows = useMemo(() => (rows.length > 1 ? rows.filter((row) => row.key !== totalRowKey) : rows), [rows]);

  return (
    <>
      <Space align="baseline" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary" data-testid="ledger-updated" aria-live="polite">
            {ledger.updatedAt ? t('updatedAt', { time: formatClockTime(ledger.updatedAt) }) : ''}
            {` · ${t('autoRefresh')}`}
          </Typography.Text>
          {/* Not `loading`: antd ignores clicks on a loading button, and a click during a poll begun before the
              user's last action must read again (the newest request wins). */}
          <Button onClick={ledger.refresh} icon={<SyncOutlined spin={ledger.loading} />} aria-busy={ledger.loading}>
            {t('refresh')}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('intro')}
      </Typography.Paragraph>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" aria-label={t('filters')} style={{ rowGap: 8 }}>
          <Form.Item label={t('unit')} htmlFor="ledger-unit">
            <Select
              id="ledger-unit"
              style={{ minWidth: 220 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={boardUnit}
              loading={directory.units.length === 0 && !directory.error}
              onChange={(value: string) => setFilter('unit', value === ownUnit ? undefined : value)}
              options={
                readable.length > 0
                  ? readable.map((unit) => ({ value: unit.id, label: directory.unitLabel(unit.id) }))
                  : [{ value: boardUnit, label: directory.unitName(boardUnit) }]
              }
            />
          </Form.Item>
          <Form.Item label={t('kind')} htmlFor="ledger-kind">
            <Select
              id="ledger-kind"
              style={{ minWidth: 130 }}
              allowClear
              placeholder={t('all')}
              value={query.kind}
              onChange={(value?: Kind) => setFilter('kind', value)}
              options={(Object.keys(kindLabels) as Kind[]).map((kind) => ({
                value: kind,
                label: kindLabels[kind][language],
              }))}
            />
          </Form.Item>
          <Form.Item label={t('category')} htmlFor="ledger-category">
            <Select
              id="ledger-category"
              style={{ minWidth: 130 }}
              allowClear
              placeholder={t('all')}
              value={query.category}
              onChange={(value?: Category) => setFilter('category', value)}
              options={(Object.keys(categoryLabels) as Category[]).map((category) => ({
                value: category,
                label: categoryLabels[category][language],
              }))}
            />
          </Form.Item>
          <Form.Item label={t('department')} htmlFor="ledger-department">
            <Select
              id="ledger-department"
              style={{ minWidth: 200 }}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('all')}
              value={query.department}
              onChange={(value?: string) => setFilter('department', value)}
              options={departments.map((unit) => ({ value: unit.id, label: directory.unitLabel(unit.id) }))}
            />
          </Form.Item>
          <Form.Item label={t('finishedSince')} htmlFor="ledger-finished-since">
            <DatePicker
              id="ledger-finished-since"
              value={query.finishedSince ? dayjs(query.finishedSince) : null}
              onChange={(value) => setFilter('finishedSince', value ? value.format('YYYY-MM-DD') : undefined)}
            />
          </Form.Item>
        </Form>
      </Card>

      {ledger.error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('loadFailed')} description={ledger.error} />
      )}

      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <section aria-labelledby={boardHeading} style={{ marginBottom: 16 }}>
            <Card
              title={
                <Typography.Title level={2} id={boardHeading} style={{ fontSize: 16, margin: 0 }}>
                  {t('board')}
                </Typography.Title>
              }
            >
              <LedgerBoard
                rows={rows}
                selection={selection}
                onSelect={setSelection}
                canDrillDown={(unitId) =>
                  readable.some((unit) => unit.id === unitId) &&
                  directory.units.some((unit) => unit.parentId === unitId)
                }
                onDrillDown={(unitId) => setFilter('unit', unitId)}
              />
            </Card>
          </section>
        </Col>
        <Col xs={24} xl={11}>
          <section aria-labelledby={chartHeading} style={{ marginBottom: 16 }}>
            <Card
              title={
                <Typography.Title level={2} id={chartHeading} style={{ fontSize: 16, margin: 0 }}>
                  {t('chart')}
                </Typography.Title>
              }
            >
              <LedgerChart rows={chartRows} onSelect={setSelection} />
            </Card>
          </section>
          {showSurveys && <SurveySummaryCard unitId={boardUnit} readAgain={ledger.updatedAt} />}
        </Col>
      </Row>

      <section aria-labelledby={casesHeading}>
        <Card
          title={
            <Typography.Title level={2} id={casesHeading} style={{ fontSize: 16, margin: 0 }}>
              {selectedRow && selection
                ? t('cases', { unit: selectedRow.name, colour: colourLabels[selection.colour][language] })
                : t('noCases')}
            </Typography.Title>
          }
          extra={
            selection && (
              <Typography.Text type="secondary" data-testid="ledger-cases-count">
                {selectedCases.length < selectedCount
                  ? t('casesShown', { shown: selectedCases.length, count: selectedCount })
                  : t('casesCount', { count: selectedCount })}
              </Typography.Text>
            )
          }
        >
          <LedgerCases
            cases={selectedCases}
            loading={Boolean(selectedChild && childLedger?.loading && !childLedger.data)}
            now={ledger.now}
            directory={directory}
            people={people}
          />
        </Card>
      </section>
    </>
  );
};

export default LedgerPage;
