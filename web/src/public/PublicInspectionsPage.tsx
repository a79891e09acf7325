/**
 * The publication of random inspections (双随机、一公开, `GET /v1/public/inspections?period=`): a quarter's draws, each
 * with its tally per class, the firms drawn in order with their inspectors (name and certificate number only, as the
 * API gives them) and each firm's result once inspected; and the data to verify the draw — the algorithm, the seed, the
 * snapshot's SHA-256, the snapshot itself to download byte for byte, and the hash checked again here in the browser.
 *
 * The quarter is in the address (`?period=2026-Q4`); without one the API answers with the current quarter by its own
 * clock (the bureau's day), and the picker shows that.
 */
import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Grid,
  Radio,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { isProblem, problemText } from '../api/problems.ts';
import type { PublicInspections } from '../api/schema.gen.ts';
import { quarterPattern } from '../common/quarters.ts';
import { saveSnapshot, useSha256Hex } from '../common/snapshot.ts';
import { type Language, useI18n, useMessages } from '../i18n/i18n.tsx';
import { formatInstant, formatWait, retryAfterSeconds } from './format.ts';
import { classLabels, type MessageKey, messages, outcomeColours, outcomeLabels } from './inspectionsMessages.ts';

type PublicDraw = PublicInspections['draws'][number];
type DrawnEntity = PublicDraw['entities'][number];
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** What reading a quarter came to. */
type Outcome =
  | { readonly kind: 'shown'; readonly view: PublicInspections }
  | { readonly kind: 'failed'; readonly title: string; readonly message: string; readonly retry: boolean };

interface Quarter {
  readonly year: number;
  readonly quarter: number;
}

/** `2026-Q4` (any case, as the API takes it) as its year and quarter; undefined if it is not a period. */
const quarterOf = (period: string | null | undefined): Quarter | undefined => {
  const match = quarterPattern.exec(period?.trim().toUpperCase() ?? '');
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : undefined;
};

const periodText = ({ year, quarter }: Quarter): string => `${year}-Q${quarter}`;

/** The quarter of today in Beijing by this browser's clock: only what the picker offers, never what is asked for. */
const thisQuarter = (): Quarter => {
  const [year = '1970', month = '01'] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-');
  return { year: Number(year), quarter: Math.floor((Number(month) - 1) / 3) + 1 };
};

const quarterNumerals = ['一', '二', '三', '四'];

/** `2026 年第四季度` / `Q4 2026`. */
const periodName = (period: Quarter | undefined, raw: string, t: Translate, language: Language): string =>
  period
    ? t('periodName', {
        year: period.year,
        quarter: language === 'zh' ? (quarterNumerals[period.quarter - 1] ?? '') : period.quarter,
      })
    : raw;

const read = async (period: string | undefined, t: Translate, language: Language): Promise<Outcome> => {
  try {
    const { data, error, response } = await api.GET('/v1/public/inspections', {
      params: { query: period === undefined ? {} : { period } },
    });
    if (data) return { kind: 'shown', view: data };
    if (response.status === 429) {
      const wait = retryAfterSeconds(response);
      return {
        kind: 'failed',
        title: t('loadFailed'),
        message: wait ? t('tooMany', { wait: formatWait(wait, language) }) : t('tooManyNoWait'),
        retry: true,
      };
    }
    if (response.status === 400 && isProblem(error)) {
      const reasons = (error.errors ?? []).map((problem) => problem.message);
      return {
        kind: 'failed',
        title: t('badPeriod'),
        message: reasons.length > 0 ? reasons.join('；') : problemText(error),
        retry: false,
      };
    }
    return {
      kind: 'failed',
      title: t('loadFailed'),
      message: isProblem(error) ? problemText(error) : String(response.status),
      retry: true,
    };
  } catch {
    return { kind: 'failed', title: t('loadFailed'), message: t('network'), retry: true };
  }
};

/** The year and the quarter, side by side (wrapping on a phone). */
const QuarterPicker = ({ value, onChange }: { value: Quarter | undefined; onChange: (next: Quarter) => void }) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const label = useId();
  const now = thisQuarter();
  const shown = value ?? now;
  const first = Math.min(now.year - 5, shown.year);
  const last = Math.max(now.year + 1, shown.year);
  const years = Array.from({ length: last - first + 1 }, (_, index) => last - index);
  return (
    <Space
      wrap
      size={[12, 8]}
      role="group"
      aria-labelledby={label}
      style={{ marginBottom: 24 }}
      data-testid="inspections-period"
    >
      <Typography.Text strong id={label}>
        {t('period')}
      </Typography.Text>
      <Select
        aria-label={t('year')}
        value={value?.year}
        placeholder={t('year')}
        style={{ width: 120 }}
        options={years.map((year) => ({ value: year, label: t('yearOption', { year }) }))}
        onChange={(year: number) => onChange({ year, quarter: shown.quarter })}
      />
      <Radio.Group
        aria-label={t('quarter')}
        optionType="button"
        buttonStyle="solid"
        value={value?.quarter}
        onChange={(event) => onChange({ year: shown.year, quarter: Number(event.target.value) })}
        options={[1, 2, 3, 4].map((quarter) => ({
          value: quarter,
          label: t('quarterOption', {
            quarter: language === 'zh' ? (quarterNumerals[quarter - 1] ?? '') : quarter,
          }),
        }))}
      />
    </Space>
  );
};

type HashCheck =
  | { readonly state: 'checking' }
  | { readonly state: 'unavailable' }
  | { readonly state: 'done'; readonly hash: string; readonly matches: boolean };

/** The snapshot's SHA-256 computed here, against the published one. */
const SnapshotHashCheck = ({ snapshot, published }: { snapshot: string; published: string }) => {
  const t = useMessages(messages);
  const hash = useSha256Hex(snapshot);
  const check: HashCheck =
    hash === undefined
      ? { state: 'checking' }
      : hash === null
        ? { state: 'unavailable' }
        : { state: 'done', hash, matches: hash === published.toLowerCase() };
  const [type, text] =
    check.state === 'checking'
      ? (['info', t('hashChecking')] as const)
      : check.state === 'unavailable'
        ? (['warning', t('hashUnavailable')] as const)
        : check.matches
          ? (['success', t('hashMatches')] as const)
          : (['error', t('hashDiffers', { hash: check.hash })] as const);
  return (
    <div
      data-testid="snapshot-hash-check"
      data-state={check.state}
      {...(check.state === 'done' ? { 'data-matches': String(check.matches) } : {})}
    >
      <Alert type={type} showIcon role="status" title={text} style={{ wordBreak: 'break-all' }} />
    </div>
  );
};

/** Monospace, with the bundled Chinese font after it: a seed may be any text (`2026年10月15日 公证员现场掷出 4 2 6 1`). */
const monospace = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace, 'Noto Sans SC'";

/** A value in monospace that wraps anywhere (hashes and seeds are long), with a copy button. */
const Code = ({ children }: { children: string }) => (
  <Typography.Text copyable style={{ fontFamily: monospace, wordBreak: 'break-all' }}>
    {children}
  </Typography.Text>
);

/** Label–value rows: side by side with each label on one line; stacked on a phone, where a label column has no room. */
const Facts = ({ items }: { items: DescriptionsProps['items'] }) => {
  const stacked = Grid.useBreakpoint().sm === false;
  return (
    <Descriptions
      bordered
      column={1}
      size="small"
      layout={stacked ? 'vertical' : 'horizontal'}
      styles={{ label: stacked ? {} : { whiteSpace: 'nowrap' } }}
      items={items}
    />
  );
};

const Verification = ({ draw }: { draw: PublicDraw }) => {
  const t = useMessages(messages);
  const heading = useId();
  const file = `${draw.id}-snapshot.json`;
  const items = [
    {
      key: 'algorithm',
      label: t('algorithm'),
      children: t('algorithmVersion', { name: draw.algorithm.name, version: draw.algorithm.version }),
    },
    { key: 'generator', label: t('generator'), children: draw.algorithm.generator },
    { key: 'description', label: t('description'), children: draw.algorithm.description },
    {
      key: 'seed',
      label: t('seed'),
      children: (
        <>
          <Code>{draw.seed}</Code>
          <div>
            <Typography.Text type="secondary">
              {draw.seedSource === 'given' ? t('seedGiven') : t('seedGenerated')}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'hash',
      label: t('snapshotHash'),
      children: (
        <span data-testid="snapshot-hash">
          <Code>{draw.snapshotHash}</Code>
        </span>
      ),
    },
    {
      key: 'check',
      label: t('hashCheck'),
      children: <SnapshotHashCheck snapshot={draw.snapshot} published={draw.snapshotHash} />,
    },
  ];
  return (
    <section aria-labelledby={heading} style={{ marginTop: 24 }}>
      <Typography.Title level={3} id={heading} style={{ fontSize: 16 }}>
        {t('verification')}
      </Typography.Title>
      <Typography.Paragraph>{t('verificationIntro')}</Typography.Paragraph>
      <Facts items={items} />
      <Space wrap size={[12, 4]} style={{ marginTop: 16 }}>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => saveSnapshot(draw.snapshot, file)}
          data-testid="snapshot-download"
        >
          {t('download')}
        </Button>
        <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
          {file}
        </Typography.Text>
      </Space>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 4 }}>{t('howToVerify')}</Typography.Paragraph>
      <ol style={{ paddingInlineStart: 24, marginTop: 0 }}>
        <li>
          {t('verifyHash')} <Typography.Text code>{`sha256sum ${file}`}</Typography.Text>
        </li>
        <li>
          {t('verifyRerun')} <Typography.Text code>{`npm run verify-draw -- ${draw.id}`}</Typography.Text>
          {t('verifyRerunOther')}
        </li>
      </ol>
    </section>
  );
};

const inspectorText = (inspectors: DrawnEntity['inspectors'], t: Translate, language: Language): string =>
  inspectors
    .map((inspector) => t('inspector', { name: inspector.name, certificate: inspector.certificateNumber }))
    .join(language === 'zh' ? '、' : '; ');

/** A label before its value on one line: `执法人员：` / `Inspectors: `. */
const labelled = (label: string, language: Language): string => (language === 'zh' ? `${label}：` : `${label}: `);

const list = (values: readonly string[], language: Language): string => values.join(language === 'zh' ? '、' : ', ');

const Result = ({ result }: { result: NonNullable<DrawnEntity['result']> }) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const items: { key: string; label: string; children: ReactNode }[] = [
    {
      key: 'outcome',
      label: t('outcome'),
      children: (
        <Tag color={outcomeColours[result.outcome]} data-testid="inspection-outcome" data-outcome={result.outcome}>
          {outcomeLabels[result.outcome][language]}
        </Tag>
      ),
    },
    { key: 'number', label: t('resultNumber'), children: result.number },
    { key: 'date', label: t('resultDate'), children: result.date },
    { key: 'inspectors', label: t('resultInspectors'), children: inspectorText(result.inspectors, t, language) },
    { key: 'itemsChecked', label: t('itemsChecked'), children: list(result.itemsChecked, language) },
    {
      key: 'summary',
      label: t('summary'),
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{result.summary}</span>,
    },
    {
      key: 'findings',
      label: t('findings'),
      children:
        result.findings.length === 0 ? (
          t('noFindings')
        ) : (
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            {result.findings.map((finding, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings are text in their recorded order; two may read alike
              <li key={index} style={{ whiteSpace: 'pre-wrap' }}>
                {finding}
              </li>
            ))}
          </ol>
        ),
    },
    { key: 'publishedAt', label: t('publishedAt'), children: formatInstant(result.publishedAt, language) },
    { key: 'publishBy', label: t('publishBy'), children: t('publishByDay', { date: result.publishBy }) },
  ];
  return (
    <div data-testid="inspection-result">
      <Facts items={items} />
    </div>
  );
};

const Entity = ({ entity }: { entity: DrawnEntity }) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const heading = useId();
  return (
    <li style={{ listStyle: 'none', marginBottom: 12 }} data-testid="drawn-entity" data-uscc={entity.uscc}>
      <Card size="small">
        <Space wrap size={[8, 4]} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('order', { order: entity.order })}</Typography.Text>
          <Typography.Title level={4} id={heading} style={{ fontSize: 16, margin: 0 }}>
            {entity.name}
          </Typography.Title>
          <Tag>{classLabels[entity.class][language]}</Tag>
          {entity.result ? (
            <Tag color="#1b7f3b">{t('inspected')}</Tag>
          ) : (
            <Tag color="#595959" data-testid="not-inspected">
              {t('notInspected')}
            </Tag>
          )}
        </Space>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {labelled(t('uscc'), language)}
          <Typography.Text style={{ fontFamily: 'monospace' }}>{entity.uscc}</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: entity.result ? 12 : 0 }} data-testid="drawn-inspectors">
          {labelled(t('inspectors'), language)}
          {inspectorText(entity.inspectors, t, language)}
        </Typography.Paragraph>
        {entity.result && <Result result={entity.result} />}
      </Card>
    </li>
  );
};

/** The tally's cells: a plain table (four rows need none of antd's Table, some 55 kB gzipped on a phone). */
const tallyCell = (align: 'left' | 'right', head = false): CSSProperties => ({
  padding: '8px 8px',
  textAlign: align,
  borderBottom: '1px solid #f0f0f0',
  fontWeight: head ? 600 : 400,
  ...(head ? { background: '#fafafa' } : {}),
});

const Tally = ({ draw }: { draw: PublicDraw }) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const heading = useId();
  return (
    <section aria-labelledby={heading} style={{ marginTop: 24 }}>
      <Typography.Title level={3} id={heading} style={{ fontSize: 16 }}>
        {t('tally')}
      </Typography.Title>
      <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="draw-tally">
        <thead>
          <tr>
            <th scope="col" style={tallyCell('left', true)}>
              {t('class')}
            </th>
            <th scope="col" style={tallyCell('right', true)}>
              {t('pool')}
            </th>
            <th scope="col" style={tallyCell('right', true)}>
              {t('rate')}
            </th>
            <th scope="col" style={tallyCell('right', true)}>
              {t('drawn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {draw.classes.map((row) => (
            <tr key={row.class}>
              <th scope="row" style={tallyCell('left')}>
                {classLabels[row.class][language]}
              </th>
              <td style={tallyCell('right')}>{row.pool}</td>
              <td style={tallyCell('right')}>{row.rate}%</td>
              <td style={tallyCell('right')}>{row.drawn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

const Draw = ({ draw }: { draw: PublicDraw }) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const heading = useId();
  const entitiesHeading = useId();
  const items = [
    { key: 'id', label: t('drawId'), children: <span style={{ fontFamily: 'monospace' }}>{draw.id}</span> },
    { key: 'drawnAt', label: t('drawnAt'), children: formatInstant(draw.drawnAt, language) },
    { key: 'items', label: t('items'), children: list(draw.items, language) },
  ];
  return (
    <section aria-labelledby={heading} style={{ marginBottom: 24 }} data-testid="public-draw" data-draw-id={draw.id}>
      <Card>
        <Typography.Title level={2} id={heading} style={{ fontSize: 20, marginTop: 0 }}>
          {draw.planName}
        </Typography.Title>
        <Facts items={items} />
        <Tally draw={draw} />
        <section aria-labelledby={entitiesHeading} style={{ marginTop: 24 }}>
          <Typography.Title level={3} id={entitiesHeading} style={{ fontSize: 16 }}>
            {t('entities', { count: draw.entities.length })}
          </Typography.Title>
          {draw.entities.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('noEntities')}</Typography.Paragraph>
          ) : (
            <ol style={{ padding: 0, margin: 0 }}>
              {[...draw.entities]
                .sort((a, b) => a.order - b.order)
                .map((entity) => (
                  <Entity key={entity.uscc} entity={entity} />
                ))}
            </ol>
          )}
        </section>
        <Verification draw={draw} />
      </Card>
    </section>
  );
};

const PublicInspectionsPage = () => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period') ?? undefined;
  const [outcome, setOutcome] = useState<Outcome>();
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: read per quarter (and retry); the language only words messages
  useEffect(() => {
    let live = true;
    setOutcome(undefined);
    void read(asked, t, language).then((result) => {
      if (live) setOutcome(result);
    });
    return () => {
      live = false;
    };
  }, [asked, attempt]);

  const view = outcome?.kind === 'shown' ? outcome.view : undefined;
  // The quarter asked for, else the one the API answered with (its current quarter).
  const picked = quarterOf(asked) ?? (asked === undefined ? quarterOf(view?.period) : undefined);
  const shownPeriod = view ? periodName(quarterOf(view.period), view.period, t, language) : '';

  return (
    <main className="gl-narrow">
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      {view && (
        <Alert
          type="info"
          showIcon
          role="note"
          title={t('policy', { policy: view.publicationPolicy })}
          style={{ marginBottom: 16 }}
          data-testid="publication-policy"
        />
      )}
      <QuarterPicker value={picked} onChange={(next) => setParams({ period: periodText(next) })} />
      {!outcome ? (
        <Card aria-busy="true">
          <Typography.Paragraph>{t('loading')}</Typography.Paragraph>
          <Skeleton active />
        </Card>
      ) : outcome.kind === 'failed' ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={outcome.title}
          description={outcome.message}
          action={outcome.retry ? <Button onClick={() => setAttempt((count) => count + 1)}>{t('retry')}</Button> : null}
        />
      ) : outcome.view.draws.length === 0 ? (
        <Card data-testid="inspections-empty">
          <Empty
            description={
              <>
                <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                  {t('empty', { period: shownPeriod })}
                </Typography.Paragraph>
                <Typography.Text type="secondary">{t('emptyHint')}</Typography.Text>
              </>
            }
          />
        </Card>
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="inspections-count">
            {t('drawsOf', { period: shownPeriod, count: outcome.view.draws.length })}
          </Typography.Paragraph>
          {outcome.view.draws.map((draw) => (
            <Draw key={draw.id} draw={draw} />
          ))}
        </>
      )}
    </main>
  );
};

export default PublicInspectionsPage;
