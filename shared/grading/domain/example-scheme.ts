/**
 * The example scheme Greenline ships for industrial coating (工业涂装), so that a bureau can try an assessment before
 * loading the official indicator table. It is an example and says so in its data (`example: true`, its name, its
 * source and every indicator's description): its options and limits show the structure of a scheme and are NOT the
 * official thresholds. An administrator replaces it with the published table (`PUT /v1/grading/schemes/industrial-coating`).
 */
import type { GradingScheme } from './scheme.ts';

export const exampleIndustry = 'industrial-coating';

const example = '（示例，非官方指标）';

export const exampleScheme: GradingScheme = {
  industry: exampleIndustry,
  industryName: '工业涂装',
  name: '示例方案（待替换为官方指标表）',
  example: true,
  source:
    '示例数据，仅示意方案结构，不是官方指标或限值。请管理员按《重污染天气重点行业应急减排措施制定技术指南》及环办大气〔2026〕2号载入官方指标表。',
  grades: ['A', 'B', 'C', 'D'],
  aPlus: false,
  indicators: [
    {
      id: 'drying-energy',
      family: 'energy-type',
      name: '烘干（固化）加热能源',
      description: `烘干、固化工序所用能源${example}`,
      required: true,
      kind: 'choice',
      options: [
        { id: 'electric-gas-steam', label: '电、天然气或集中供热', grade: 'A' },
        { id: 'lpg', label: '液化石油气等其他清洁能源', grade: 'B' },
        { id: 'coal-biomass', label: '燃煤、生物质等', grade: 'D' },
      ],
    },
    {
      id: 'coating-process',
      family: 'equipment',
      name: '涂装工艺',
      description: `喷涂方式及是否在密闭空间内进行${example}`,
      required: true,
      kind: 'choice',
      options: [
        { id: 'automatic-enclosed', label: '自动化、静电喷涂或浸涂等高效工艺，在密闭空间或设备内进行', grade: 'A' },
        { id: 'partly-automatic', label: '部分采用高效涂装工艺，在密闭空间内进行', grade: 'B' },
        { id: 'manual-enclosed', label: '手工喷涂，在密闭喷漆房内进行', grade: 'C' },
        { id: 'manual-open', label: '手工喷涂，未在密闭空间内进行', grade: 'D' },
      ],
    },
    {
      id: 'low-vocs-coatings',
      family: 'pollution-control',
      name: '低 VOCs 含量涂料使用比例',
      description: `低 VOCs 含量涂料占涂料总用量的比例${example}`,
      required: true,
      kind: 'measured',
      unit: '%',
      better: 'higher',
      thresholds: [
        { grade: 'A', limit: 80 },
        { grade: 'B', limit: 50 },
        { grade: 'C', limit: 20 },
      ],
    },
    {
      id: 'vocs-treatment',
      family: 'pollution-control',
      name: '有机废气治理技术',
      description: `主要有机废气治理设施的工艺${example}`,
      required: true,
      kind: 'choice',
      options: [
        { id: 'combustion', label: '燃烧法（RTO、RCO、CO），或吸附浓缩后燃烧', grade: 'A' },
        { id: 'adsorption-regenerated', label: '吸附后脱附再生（回收或燃烧）', grade: 'B' },
        { id: 'activated-carbon', label: '单一活性炭吸附，按要求定期更换', grade: 'C' },
        { id: 'low-efficiency', label: '光氧化、低温等离子等低效技术，或无治理设施', grade: 'D' },
      ],
    },
    {
      id: 'nmhc-concentration',
      family: 'emission-limits',
      name: '有组织排放 NMHC 浓度',
      description: `主要排放口非甲烷总烃排放浓度${example}`,
      required: true,
      kind: 'measured',
      unit: 'mg/m³',
      better: 'lower',
      thresholds: [
        { grade: 'A', limit: 30 },
        { grade: 'B', limit: 50 },
        { grade: 'C', limit: 60 },
      ],
    },
    {
      id: 'fugitive-control',
      family: 'unorganised-emissions',
      name: '无组织排放控制',
      description: `涂料储存、调配、喷涂、流平、烘干各环节的密闭与收集${example}`,
      required: true,
      kind: 'choice',
      options: [
        { id: 'fully-enclosed', label: '全过程密闭，废气全部收集处理', grade: 'A' },
        { id: 'main-steps-enclosed', label: '主要环节密闭，废气收集处理', grade: 'B' },
        { id: 'partly-collected', label: '部分环节收集处理', grade: 'C' },
        { id: 'uncontrolled', label: '无组织排放明显，未有效收集', grade: 'D' },
      ],
    },
    {
      id: 'monitoring',
      family: 'monitoring',
      name: '监测监控水平',
      description: `在线监测与治理设施运行监控${example}`,
      required: true,
      kind: 'choice',
      options: [
        { id: 'online-and-dcs', label: '主要排放口安装在线监测并联网，治理设施运行参数全程记录', grade: 'A' },
        { id: 'power-monitoring', label: '治理设施安装用电监控，按要求开展自行监测', grade: 'B' },
        { id: 'self-monitoring', label: '按排污许可证要求开展自行监测', grade: 'C' },
        { id: 'none', label: '未按要求开展监测', grade: 'D' },
      ],
    },
    {
      id: 'management',
      family: 'environmental-management',
      name: '环境管理水平',
      description: `环保档案、台账记录与人员配备${example}`,
      required: true,
      kind: 'choice',
      options: [
        { id: 'complete', label: '环保档案齐全，台账记录完整，配备专职环保人员', grade: 'A' },
        { id: 'mostly-complete', label: '环保档案、台账基本齐全', grade: 'B' },
        { id: 'incomplete', label: '环保档案、台账不全', grade: 'C' },
        { id: 'missing', label: '无环保档案或台账', grade: 'D' },
      ],
    },
    {
      id: 'transport',
      family: 'transport',
      name: '运输方式',
      description: `原辅材料和产品的运输车辆${example}`,
      required: true,
      kind: 'choice',
      options: [
        { id: 'clean-vehicles', label: '全部使用国五及以上排放标准或新能源车辆', grade: 'A' },
        { id: 'mostly-clean', label: '大部分使用国五及以上排放标准或新能源车辆', grade: 'B' },
        { id: 'other', label: '其他', grade: 'C' },
      ],
    },
  ],
  version: 1,
  savedAt: '2026-01-01T00:00:00.000Z',
  savedBy: 'greenline',
};
