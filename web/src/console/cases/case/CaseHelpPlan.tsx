/**
 * A help plan's own fields (帮扶计划, for an enterprise graded D): the enterprise, the assessment that graded it, the
 * grade to reach, and each indicator to bring up with what the target grade needs.
 */
import { Descriptions, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Case, HelpPlanDetails } from '../../../api/schema.gen.ts';
import { Section } from '../../../common/Section.tsx';
import { useMessages } from '../../../i18n/i18n.tsx';
import { rectificationMessages } from '../../rectification/messages.ts';

type HelpAction = HelpPlanDetails['actions'][number];

export const CaseHelpPlan = ({ kase }: { kase: Case }) => {
  const t = useMessages(rectificationMessages);
  const plan = kase.helpPlan;
  if (!plan) return null;
  return (
    <Section title={t('sectionHelpPlan')}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="help-plan"
        items={[
          {
            key: 'enterprise',
            label: t('enterprise'),
            children: (
              <Link to={`/console/enterprises/${encodeURIComponent(plan.uscc)}`}>
                {plan.enterpriseName}（{plan.uscc}）
              </Link>
            ),
          },
          { key: 'industry', label: t('industry'), children: plan.industryName },
          { key: 'grade', label: t('grade'), children: <Tag>{plan.grade}</Tag> },
          { key: 'target', label: t('targetGrade'), children: <Tag color="#16803c">{plan.targetGrade}</Tag> },
          {
            key: 'assessment',
            label: t('assessment'),
            children: (
              <Link to={`/console/grading/assessments/${encodeURIComponent(plan.assessmentId)}`}>
                {t('openAssessment')}
              </Link>
            ),
          },
        ]}
      />
      <Table<HelpAction>
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        rowKey="indicatorId"
        dataSource={plan.actions}
        columns={[
          { key: 'name', title: t('indicator'), dataIndex: 'name' },
          { key: 'answer', title: t('answer'), render: (_, action) => action.answer ?? '—' },
          { key: 'needs', title: t('needs'), dataIndex: 'needs' },
        ]}
      />
    </Section>
  );
};
