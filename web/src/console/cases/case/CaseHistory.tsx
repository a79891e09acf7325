/** The case's full history, oldest first: when (Asia/Shanghai), who, what, from which state to which, and why. */
import { Tag, Timeline, Typography } from 'antd';
import type { HistoryEntry } from '../../../api/schema.gen.ts';
import { type ActionName, actionLabels, stateLabels } from '../../../common/labels.ts';
import { Section } from '../../../common/Section.tsx';
import { useI18n, useMessages } from '../../../i18n/i18n.tsx';
import { formatInstant } from './format.ts';
import { type CaseMessageKey, caseMessages } from './messages.ts';

const otherActions: Readonly<Record<string, CaseMessageKey>> = {
  register: 'historyRegister',
  'absorb-duplicate': 'historyAbsorb',
  'deadline-check': 'historyDeadlineCheck',
};

const roles: Readonly<Record<HistoryEntry['role'], CaseMessageKey>> = {
  operator: 'roleOperator',
  dispatcher: 'roleDispatcher',
  handler: 'roleHandler',
  lead: 'roleLead',
  supervisor: 'roleSupervisor',
  admin: 'roleAdmin',
  'hotline-system': 'roleHotline',
  system: 'roleSystem',
  public: 'rolePublic',
};

const colourOfEntry = (entry: HistoryEntry): string => {
  if (entry.toState === 'closed') return 'green';
  if (entry.toState === 'rejected' || entry.action === 'return' || entry.action === 'send-back') return 'red';
  if (entry.role === 'system') return 'gray';
  return 'blue';
};

export const CaseHistory = ({
  history,
  people,
}: {
  history: readonly HistoryEntry[];
  people: (username: string) => string;
}) => {
  const t = useMessages(caseMessages);
  const { language } = useI18n();
  const actionLabel = (action: string) => {
    if (action in actionLabels) return actionLabels[action as ActionName][language];
    const key = otherActions[action];
    return key ? t(key) : action;
  };
  const entries = [...history].sort((a, b) => a.sequence - b.sequence);
  return (
    <Section title={t('sectionHistory')}>
      {entries.length === 0 ? (
        <Typography.Text>{t('noHistory')}</Typography.Text>
      ) : (
        <Timeline
          data-testid="case-history"
          items={entries.map((entry) => ({
            key: entry.sequence,
            color: colourOfEntry(entry),
            title: <time dateTime={entry.at}>{formatInstant(entry.at)}</time>,
            content: (
              <div data-testid="history-entry">
                <Typography.Text strong>{actionLabel(entry.action)}</Typography.Text>
                <div>
                  {people(entry.actor)}
                  <Tag style={{ marginInlineStart: 6 }}>{t(roles[entry.role])}</Tag>
                </div>
                <div>
                  {entry.fromState && entry.fromState !== entry.toState
                    ? `${stateLabels[entry.fromState][language]} → ${stateLabels[entry.toState][language]}`
                    : stateLabels[entry.toState][language]}
                </div>
                {entry.reason && (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {t('reason')}：{entry.reason}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Section>
  );
};
