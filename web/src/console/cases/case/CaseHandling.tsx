/** The assignment (department, responsible person, lead official), extension requests, and the result. */
import { Descriptions, Divider, Table, Tag, Typography } from 'antd';
import type { Case, Extension } from '../../../api/schema.gen.ts';
import { Section } from '../../../common/Section.tsx';
import { useMessages } from '../../../i18n/i18n.tsx';
import type { Directory } from './directory.ts';
import { formatInstant } from './format.ts';
import { type CaseMessageKey, caseMessages } from './messages.ts';

const extensionStatus: Readonly<Record<Extension['status'], CaseMessageKey>> = {
  requested: 'extensionRequested',
  approved: 'extensionApproved',
  refused: 'extensionRefused',
};

export const CaseHandling = ({
  kase,
  directory,
  people,
}: {
  kase: Case;
  directory: Directory;
  people: (username: string) => string;
}) => {
  const t = useMessages(caseMessages);
  const { assignment, result } = kase;
  return (
    <Section title={t('sectionHandling')}>
      {assignment ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'department',
              label: t('department'),
              children:
                assignment.departmentPath.slice(1).map(directory.unitName).join(' / ') || assignment.departmentId,
            },
            { key: 'responsible', label: t('responsible'), children: people(assignment.responsibleUsername) },
            { key: 'lead', label: t('lead'), children: people(assignment.leadUsername) },
            {
              key: 'assigned',
              label: t('assignedAt'),
              children: `${formatInstant(assignment.assignedAt)}（${t('assignedBy')}：${people(assignment.assignedBy)}）`,
            },
            { key: 'returns', label: t('returnCount'), children: kase.returnCount },
          ]}
        />
      ) : (
        <Typography.Paragraph>
          {t('notAssigned')}
          {kase.returnCount > 0 && ` ${t('returnCount')}：${kase.returnCount}`}
        </Typography.Paragraph>
      )}
      {kase.extensions.length > 0 && (
        <>
          <Divider titlePlacement="start">{t('extensions')}</Divider>
          <Table
            size="small"
            pagination={false}
            rowKey="requestedAt"
            dataSource={kase.extensions}
            scroll={{ x: true }}
            columns={[
              { key: 'days', title: t('extensionDays'), dataIndex: 'days' },
              { key: 'reason', title: t('extensionReason'), dataIndex: 'reason' },
              {
                key: 'status',
                title: t('extensionStatus'),
                render: (_, extension) => <Tag>{t(extensionStatus[extension.status])}</Tag>,
              },
              {
                key: 'requested',
                title: t('requestedAt'),
                render: (_, extension) => `${formatInstant(extension.requestedAt)} ${people(extension.requestedBy)}`,
              },
              {
                key: 'decided',
                title: t('decidedAt'),
                render: (_, extension) =>
                  extension.decidedAt
                    ? `${formatInstant(extension.decidedAt)} ${extension.decidedBy ? people(extension.decidedBy) : ''}`
                    : '—',
              },
              { key: 'note', title: t('decisionNote'), render: (_, extension) => extension.decisionNote ?? '—' },
            ]}
          />
        </>
      )}
      {/* A rectification problem's result is its close-out application, shown with the close-out steps. */}
      {kase.kind !== 'rectification' && <Divider titlePlacement="start">{t('resultSection')}</Divider>}
      {kase.kind === 'rectification' ? null : result ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'text',
              label: t('result'),
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{result.text}</span>,
            },
            {
              key: 'reply',
              label: t('publicReply'),
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{result.publicReply}</span>,
            },
            {
              key: 'submitted',
              label: t('submittedAt'),
              children: `${formatInstant(result.submittedAt)} ${people(result.submittedBy)}`,
            },
          ]}
        />
      ) : (
        <Typography.Text>{t('noResult')}</Typography.Text>
      )}
    </Section>
  );
};
