/**
 * On a complaint: the rectification problems made from it (`rectificationProblems`), each linked, and for the office
 * that keeps the ledger a link to register another from it.
 */
import { Button, List, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Case } from '../../../api/schema.gen.ts';
import { useSession } from '../../../auth/session.ts';
import { Section } from '../../../common/Section.tsx';
import { useMessages } from '../../../i18n/i18n.tsx';
import { rectificationMessages } from '../../rectification/messages.ts';
import { formatInstant } from './format.ts';

export const CaseLinkedProblems = ({ kase }: { kase: Case }) => {
  const t = useMessages(rectificationMessages);
  const navigate = useNavigate();
  const registrar = useSession()?.user.roles.includes('dispatcher') ?? false;
  const problems = kase.rectificationProblems ?? [];
  if (kase.kind !== 'complaint' || (problems.length === 0 && !registrar)) return null;
  return (
    <Section
      title={t('sectionProblems')}
      extra={
        registrar && kase.state !== 'merged' ? (
          <Button
            size="small"
            onClick={() => navigate(`/console/rectification/new?fromCase=${encodeURIComponent(kase.id)}`)}
          >
            {t('makeProblem')}
          </Button>
        ) : undefined
      }
    >
      {problems.length > 0 ? (
        <List
          size="small"
          data-testid="linked-problems"
          dataSource={problems}
          renderItem={(problem) => (
            <List.Item>
              <Link to={`/console/cases/${problem.caseId}`}>{problem.number}</Link>
              <Typography.Text type="secondary">{formatInstant(problem.at)}</Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('noProblems')}</Typography.Text>
      )}
    </Section>
  );
};
