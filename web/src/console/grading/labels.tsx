/**
 * Names and colours of the grading vocabulary in both languages, keyed by the generated API types: grades (A+ … D),
 * assessment statuses and actions, indicator families; the grade tag (colour and words); and the label every page
 * shows where the example scheme is in use — its thresholds are not official.
 */
import { Alert, Tag } from 'antd';
import type { Assessment, Enterprise, GradingScheme } from '../../api/schema.gen.ts';
import type { Language } from '../../i18n/i18n.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Labels<Key extends string> = Readonly<Record<Key, { readonly zh: string; readonly en: string }>>;

export type Grade = NonNullable<Enterprise['grade']>;
export type IndicatorGrade = GradingScheme['grades'][number];
export type AssessmentStatus = Assessment['status'];
export type AssessmentAction = Assessment['allowedActions'][number];
export type Family = GradingScheme['indicators'][number]['family'];
export type PositiveList = Enterprise['positiveList'];

/** Best first. */
export const gradeOrder: readonly Grade[] = ['A+', 'A', 'B', 'B-', 'C', 'D'];

export const gradeLabels: Labels<Grade> = {
  'A+': { zh: 'A+级（引领性）', en: 'A+ (leading)' },
  A: { zh: 'A级', en: 'A' },
  B: { zh: 'B级', en: 'B' },
  'B-': { zh: 'B-级', en: 'B−' },
  C: { zh: 'C级', en: 'C' },
  D: { zh: 'D级', en: 'D' },
};

/** White text on each at WCAG AA contrast or better. */
export const gradeColours: Readonly<Record<Grade, string>> = {
  'A+': '#0f5f2c',
  A: '#1b7f3b',
  B: '#1f5fbf',
  'B-': '#2f5a9e',
  C: '#9a5b00',
  D: '#c62828',
};

export const ungradedLabel = { zh: '未评级', en: 'Not graded' } as const;

export const GradeTag = ({ grade, large = false }: { grade?: Grade; large?: boolean }) => {
  const { language } = useI18n();
  const style = large ? { fontSize: 18, padding: '4px 12px', lineHeight: '28px' } : undefined;
  if (!grade)
    return (
      <Tag style={style} data-grade="none">
        {ungradedLabel[language]}
      </Tag>
    );
  return (
    <Tag color={gradeColours[grade]} variant="solid" style={{ color: '#fff', ...style }} data-grade={grade}>
      {gradeLabels[grade][language]}
    </Tag>
  );
};

export const statusLabels: Labels<AssessmentStatus> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交待审核', en: 'Submitted' },
  returned: { zh: '已退回修改', en: 'Returned' },
  accepted: { zh: '审核通过待发布', en: 'Accepted' },
  published: { zh: '已发布', en: 'Published' },
};

/** Solid tag colours with white text at WCAG AA contrast (a draft keeps the plain tag). */
export const statusColours: Readonly<Record<AssessmentStatus, string | undefined>> = {
  draft: undefined,
  submitted: '#1f5fbf',
  returned: '#ad4e00',
  accepted: '#006d75',
  published: '#1b7f3b',
};

export const actionLabels: Labels<AssessmentAction> = {
  submit: { zh: '提交审核', en: 'Submit' },
  accept: { zh: '审核通过', en: 'Accept' },
  return: { zh: '退回修改', en: 'Return' },
  publish: { zh: '发布评级结果', en: 'Publish' },
};

export const familyLabels: Labels<Family> = {
  'energy-type': { zh: '能源类型', en: 'Energy type' },
  equipment: { zh: '装备水平', en: 'Equipment' },
  'pollution-control': { zh: '污染治理技术', en: 'Pollution control' },
  'emission-limits': { zh: '排放限值', en: 'Emission limits' },
  'unorganised-emissions': { zh: '无组织排放', en: 'Unorganised emissions' },
  monitoring: { zh: '监测监控水平', en: 'Monitoring' },
  'environmental-management': { zh: '环境管理水平', en: 'Environmental management' },
  transport: { zh: '运输方式', en: 'Transport' },
};

export const positiveListLabels: Labels<PositiveList> = {
  'not-listed': { zh: '未纳入正面清单', en: 'Not on the positive list' },
  listed: { zh: '已纳入正面清单', en: 'On the positive list' },
  removed: { zh: '已移出正面清单', en: 'Removed from the positive list' },
};

/** The words every page shows beside a grade made under the example scheme (issue 12: never presented as official). */
export const exampleLabel: Record<Language, string> = {
  zh: '示例，须替换为官方指标表',
  en: 'Example — to be replaced by the official indicator table',
};

export const ExampleSchemeTag = () => {
  const { language } = useI18n();
  return (
    <Tag color="#ad4e00" variant="solid" style={{ color: '#fff' }} data-testid="example-scheme">
      {exampleLabel[language]}
    </Tag>
  );
};

const exampleNote: Record<Language, string> = {
  zh: '本页所用评分方案为 Greenline 自带的示例方案，其选项和限值仅示意方案结构，不是官方指标；据此得出的等级不能作为正式评级。请系统管理员载入官方指标表。',
  en: 'The scheme in use is Greenline’s example: its options and limits only show a scheme’s structure and are not official; a grade made under it is not a formal grade. An administrator loads the official table.',
};

export const ExampleSchemeAlert = () => {
  const { language } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="example-scheme-alert"
      title={exampleLabel[language]}
      description={exampleNote[language]}
    />
  );
};
