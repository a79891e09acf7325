/**
 * Small pieces the campaign pages share: the phase a campaign is in, a task's weekly report status and a cell of the
 * tasks × weeks grid — each colour with its words, never colour alone.
 */
import { Tag } from 'antd';
import type { CampaignGridRow, CampaignPhase, CampaignTask } from '../../api/schema.gen.ts';
import { colourTags } from '../../common/labels.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { campaignMessages } from './messages.ts';

export type ReportStatus = CampaignTask['reportStatus'];
export type CellStatus = CampaignGridRow['cells'][number]['status'];

/** The phase under way on `today`, else whether the campaign has not begun or has ended. */
export const PhaseTag = ({
  phases,
  period,
  today,
}: {
  phases: readonly CampaignPhase[];
  period: { from: string; to: string };
  today?: string;
}) => {
  const t = useMessages(campaignMessages);
  if (!today) return null;
  const current = phases.find((phase) => phase.from <= today && today <= phase.to);
  if (current) return <Tag color="#16803c">{t('current', { phase: current.name })}</Tag>;
  return <Tag>{today < period.from ? t('notStarted') : t('ended')}</Tag>;
};

const grey = { background: '#f0f0f0', text: '#262626' };

export const reportStatusLabels: Readonly<Record<ReportStatus, { zh: string; en: string }>> = {
  red: { zh: '红色：逾期未报送', en: 'Red: overdue' },
  yellow: { zh: '黄色：到期未报送', en: 'Yellow: missing' },
  'up-to-date': { zh: '已按周报送', en: 'Up to date' },
  'nothing-due': { zh: '尚无到期的周报', en: 'Nothing due yet' },
};

const reportStatusColours: Readonly<Record<ReportStatus, { background: string; text: string }>> = {
  red: colourTags.red,
  yellow: colourTags.yellow,
  'up-to-date': colourTags.green,
  'nothing-due': grey,
};

export const ReportStatusTag = ({ status }: { status: ReportStatus }) => {
  const { language } = useI18n();
  const colour = reportStatusColours[status];
  return (
    <Tag color={colour.background} variant="solid" style={{ color: colour.text }} data-report-status={status}>
      {reportStatusLabels[status][language]}
    </Tag>
  );
};

export const cellStatusLabels: Readonly<Record<CellStatus, { zh: string; en: string }>> = {
  filed: { zh: '已报送', en: 'Filed' },
  'missing-yellow': { zh: '未报送（黄）', en: 'Missing (yellow)' },
  'missing-red': { zh: '未报送（红）', en: 'Missing (red)' },
  'not-due': { zh: '未到报送日', en: 'Not yet due' },
  'not-required': { zh: '无需报送', en: 'Not required' },
};

export const cellColours: Readonly<Record<CellStatus, { background: string; text: string }>> = {
  filed: colourTags.green,
  'missing-yellow': colourTags.yellow,
  'missing-red': colourTags.red,
  'not-due': { background: '#ffffff', text: '#595959' },
  'not-required': grey,
};

export const cellOrder: readonly CellStatus[] = ['filed', 'missing-yellow', 'missing-red', 'not-due', 'not-required'];
