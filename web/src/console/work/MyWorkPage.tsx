/**
 * My work (`GET /v1/my-work`): what waits for the signed-in official, by what they must do — dispatch, sign for,
 * finish, approve — each group a card with its count and the cases, most urgent first.
 */
import { Alert, Badge, Button, Card, Flex, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { problemText } from '../../api/problems.ts';
import type { CaseSummary, MyWork } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { colourOrder } from '../../common/labels.ts';
import { defineMessages, useMessages } from '../../i18n/i18n.tsx';
import { CaseTable } from '../cases/list/CaseTable.tsx';

const messages = defineMessages({
  zh: {
    title: '我的待办',
    intro: '按需要您办理的环节列出，红色（超期）、黄色（临期）在前。',
    refresh: '刷新',
    dispatch: '待分办（新登记、被退单）',
    dispatchEmpty: '没有待受理或待分办的事项',
    sign: '待签收',
    signEmpty: '没有派到本科室、待签收的事项',
    finish: '待办结（我是责任人）',
    finishEmpty: '没有需要您办理的事项',
    approve: '待审核（我是包案领导）',
    approveEmpty: '没有待您审核的办理结果或复核申请',
    lead: '我包案的其他在办事项',
    leadEmpty: '没有您包案的在办事项',
    nothing: '暂无待办事项',
    count: '{count} 件',
    failed: '待办加载失败',
  },
  en: {
    title: 'My work',
    intro: 'By what you must do; red (overdue) and yellow (due soon) first.',
    refresh: 'Refresh',
    dispatch: 'To dispatch (new and returned)',
    dispatchEmpty: 'Nothing waits for acceptance or dispatch',
    sign: 'To sign for',
    signEmpty: 'Nothing assigned to your department waits to be signed for',
    finish: 'To finish (you are responsible)',
    finishEmpty: 'Nothing for you to handle',
    approve: 'To approve (you are the lead)',
    approveEmpty: 'No result or review request waits for you',
    lead: 'Other open cases you lead',
    leadEmpty: 'No open case you lead',
    nothing: 'Nothing waits for you',
    count: '{count}',
    failed: 'Could not load your work',
  },
});

type MessageKey = keyof (typeof messages)['zh'];

/** Red, yellow, blue, then no colour; the earliest deadline first within a colour. */
const byUrgency = (a: CaseSummary, b: CaseSummary): number => {
  const rank = (item: CaseSummary) => (item.colour ? colourOrder.indexOf(item.colour) : colourOrder.length);
  return rank(a) - rank(b) || (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~');
};

const awaitingLead = new Set<CaseSummary['state']>(['result-submitted', 'review-requested']);

interface Group {
  readonly key: string;
  readonly title: MessageKey;
  readonly empty: MessageKey;
  readonly items: CaseSummary[];
  /** Shown even when empty, to the roles that do this work. */
  readonly roles: readonly string[];
}

const groupsOf = (work: MyWork): Group[] => [
  { key: 'dispatch', title: 'dispatch', empty: 'dispatchEmpty', items: work.awaitingDispatch, roles: ['dispatcher'] },
  { key: 'sign', title: 'sign', empty: 'signEmpty', items: work.awaitingSignature, roles: ['handler'] },
  { key: 'finish', title: 'finish', empty: 'finishEmpty', items: work.responsible, roles: ['handler'] },
  {
    key: 'approve',
    title: 'approve',
    empty: 'approveEmpty',
    items: work.lead.filter((item) => awaitingLead.has(item.state)),
    roles: ['lead'],
  },
  {
    key: 'lead',
    title: 'lead',
    empty: 'leadEmpty',
    items: work.lead.filter((item) => !awaitingLead.has(item.state)),
    roles: ['lead'],
  },
];

const MyWorkPage = () => {
  const t = useMessages(messages);
  const roles = useSession()?.user.roles ?? [];
  const [work, setWork] = useState<MyWork>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    const { data, error: problem } = await api.GET('/v1/my-work');
    setLoading(false);
    if (problem) setError(problemText(problem));
    else {
      setError(undefined);
      setWork(data);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const groups = work
    ? groupsOf(work).filter((group) => group.items.length > 0 || group.roles.some((role) => roles.includes(role)))
    : [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <Typography.Title level={1} style={{ marginBottom: 4 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('intro')}</Typography.Text>
        </div>
        <Button onClick={() => void load()} loading={loading}>
          {t('refresh')}
        </Button>
      </Flex>
      {error ? <Alert type="error" showIcon title={t('failed')} description={error} /> : null}
      {work && groups.length === 0 ? <Alert type="info" showIcon title={t('nothing')} /> : null}
      {groups.map((group) => (
        <Card
          key={group.key}
          data-testid={`my-work-${group.key}`}
          title={
            <Space>
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t(group.title)}
              </Typography.Title>
              <Badge
                count={t('count', { count: group.items.length })}
                showZero
                color={group.items.length > 0 ? '#16803c' : '#595959'}
              />
            </Space>
          }
          styles={{ body: { padding: 0 } }}
        >
          <CaseTable
            items={[...group.items].sort(byUrgency)}
            variant="short"
            loading={loading}
            emptyText={t(group.empty)}
          />
        </Card>
      ))}
    </Space>
  );
};

export default MyWorkPage;
