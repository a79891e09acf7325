/** What the complaint is about, where it came from, and the complainant exactly as the API returned it. */
import { Alert, Descriptions, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Case } from '../../../api/schema.gen.ts';
import { categoryLabels, channelLabels } from '../../../common/labels.ts';
import { Section } from '../../../common/Section.tsx';
import { useI18n, useMessages } from '../../../i18n/i18n.tsx';
import type { Directory } from './directory.ts';
import { formatInstant } from './format.ts';
import { caseMessages } from './messages.ts';

const kilobytes = (size: number) =>
  size < 1024 * 1024 ? `${Math.ceil(size / 1024)} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`;

export const CaseComplaint = ({
  kase,
  directory,
  people,
}: {
  kase: Case;
  directory: Directory;
  people: (username: string) => string;
}) => {
  const t = useMessages(caseMessages);
  const { language } = useI18n();
  const complaint = kase.complaint;
  const items = [
    ...(complaint
      ? [
          { key: 'category', label: t('category'), children: categoryLabels[complaint.category][language] },
          { key: 'channel', label: t('channel'), children: channelLabels[complaint.channel][language] },
          {
            key: 'urgency',
            label: t('urgency'),
            children:
              complaint.urgency === 'urgent' ? <Tag color="#b3261e">{t('urgencyUrgent')}</Tag> : t('urgencyNormal'),
          },
          {
            key: 'place',
            label: t('place'),
            children: [complaint.place.town, complaint.place.address].filter(Boolean).join(' · '),
          },
          ...(complaint.source
            ? [
                {
                  key: 'enterprise',
                  label: t('enterprise'),
                  children: complaint.source.uscc
                    ? `${complaint.source.name}（${t('uscc')} ${complaint.source.uscc}）`
                    : complaint.source.name,
                },
              ]
            : []),
          {
            key: 'description',
            label: t('description'),
            span: 2,
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {complaint.description}
              </Typography.Paragraph>
            ),
          },
          ...(complaint.attachments && complaint.attachments.length > 0
            ? [
                {
                  key: 'attachments',
                  label: t('attachments'),
                  span: 2,
                  children: (
                    <List
                      size="small"
                      dataSource={complaint.attachments}
                      renderItem={(attachment) => (
                        <List.Item>
                          {attachment.fileName}（{attachment.contentType}，{kilobytes(attachment.size)}）
                        </List.Item>
                      )}
                    />
                  ),
                },
              ]
            : []),
        ]
      : []),
    { key: 'receivedAt', label: t('receivedAt'), children: formatInstant(kase.receivedAt) },
    { key: 'createdAt', label: t('createdAt'), children: formatInstant(kase.createdAt) },
    { key: 'createdBy', label: t('createdBy'), children: people(kase.createdBy) },
    { key: 'unit', label: t('unit'), children: kase.unitPath.map(directory.unitName).join(' / ') },
    ...(kase.trackingCode ? [{ key: 'trackingCode', label: t('trackingCode'), children: kase.trackingCode }] : []),
    ...(kase.duplicateCandidates && kase.duplicateCandidates.length > 0
      ? [
          {
            key: 'duplicates',
            label: t('duplicates'),
            span: 2,
            children: (
              <Space orientation="vertical" size={2}>
                {kase.duplicateCandidates.map((candidate) => (
                  <span key={candidate.caseId}>
                    <Link to={`/console/cases/${candidate.caseId}`}>{candidate.number}</Link>：
                    {candidate.reasons.join('；')}
                  </span>
                ))}
              </Space>
            ),
          },
        ]
      : []),
    ...(kase.mergedInto
      ? [
          {
            key: 'mergedInto',
            label: t('mergedInto'),
            children: <Link to={`/console/cases/${kase.mergedInto}`}>{kase.mergedInto}</Link>,
          },
        ]
      : []),
    ...(kase.mergedCases.length > 0
      ? [
          {
            key: 'mergedCases',
            label: t('mergedCases'),
            children: (
              <Space wrap>
                {kase.mergedCases.map((id) => (
                  <Link key={id} to={`/console/cases/${id}`}>
                    {id}
                  </Link>
                ))}
              </Space>
            ),
          },
        ]
      : []),
    ...(kase.rejectionReason
      ? [{ key: 'rejection', label: t('rejectionReason'), children: kase.rejectionReason }]
      : []),
    ...(kase.closedAt ? [{ key: 'closedAt', label: t('closedAt'), children: formatInstant(kase.closedAt) }] : []),
  ];
  const complainant = complaint?.complainant;
  return (
    <>
      <Section title={complaint ? t('sectionComplaint') : t('sectionGeneral')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" items={items} />
      </Section>
      {complaint && (
        <Section title={t('sectionComplainant')}>
          {complainant ? (
            <>
              <Descriptions
                column={{ xs: 1, md: 3 }}
                size="small"
                items={[
                  { key: 'name', label: t('name'), children: complainant.name ?? '—' },
                  { key: 'phone', label: t('phone'), children: complainant.phone ?? '—' },
                  { key: 'email', label: t('email'), children: complainant.email ?? '—' },
                ]}
              />
              <Space wrap style={{ marginTop: 8 }}>
                {complainant.anonymous && <Tag>{t('anonymous')}</Tag>}
                {complainant.confidential && <Tag>{t('confidential')}</Tag>}
              </Space>
              <Alert
                style={{ marginTop: 8 }}
                type={complainant.unmasked ? 'warning' : 'info'}
                showIcon
                title={complainant.unmasked ? t('unmasked') : t('masked')}
                data-testid="complainant-note"
              />
            </>
          ) : (
            <Typography.Text>{t('noComplainant')}</Typography.Text>
          )}
        </Section>
      )}
    </>
  );
};
