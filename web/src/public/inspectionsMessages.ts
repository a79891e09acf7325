/**
 * The text of the public inspections page ({@link ./PublicInspectionsPage.tsx}), and the names of the two inspection
 * enumerations it shows. The names are the console's (`console/inspections/labels.ts`), copied rather than imported:
 * the public pages load none of the officials' code (test/web/bundle.test.ts).
 */
import type { PublicInspections } from '../api/schema.gen.ts';
import { defineMessages } from '../i18n/i18n.tsx';

type PublicDraw = PublicInspections['draws'][number];
type Labels<Key extends string> = Readonly<Record<Key, { readonly zh: string; readonly en: string }>>;

export type SupervisionClass = PublicDraw['classes'][number]['class'];
export type InspectionOutcome = NonNullable<PublicDraw['entities'][number]['result']>['outcome'];

export const classLabels: Labels<SupervisionClass> = {
  'key-polluter': { zh: '重点排污单位', en: 'Key polluters' },
  special: { zh: '特殊监管对象', en: 'Special supervision' },
  general: { zh: '一般排污单位', en: 'General' },
  'positive-list': { zh: '正面清单企业', en: 'Positive list' },
};

export const outcomeLabels: Labels<InspectionOutcome> = {
  'no-issue': { zh: '未发现问题', en: 'No issue' },
  'issues-found': { zh: '发现问题', en: 'Issues found' },
  'rectification-ordered': { zh: '责令整改', en: 'Rectification ordered' },
  'case-filed': { zh: '立案查处', en: 'Case filed' },
};

/** Solid tag colours with white text at WCAG AA contrast (5:1 or more). */
export const outcomeColours: Readonly<Record<InspectionOutcome, string>> = {
  'no-issue': '#1b7f3b',
  'issues-found': '#ad4e00',
  'rectification-ordered': '#8a4b00',
  'case-filed': '#b71c1c',
};

export const messages = defineMessages({
  zh: {
    title: '双随机抽查结果公开',
    intro:
      '依照“双随机、一公开”的要求，本局按抽查计划随机抽取检查对象、随机选派执法检查人员，抽取情况和检查结果向社会公开。每次抽取都附有核验数据，任何人都可以核对抽取没有被改动。',
    policy: '公开时限：{policy}。',
    period: '抽查期间',
    year: '年份',
    yearOption: '{year} 年',
    quarter: '季度',
    quarterOption: '第{quarter}季度',
    periodName: '{year} 年第{quarter}季度',
    loading: '正在读取…',
    empty: '{period}没有公开的抽取。',
    emptyHint: '抽取完成后即在此公开；可以选择其他季度查看。',
    badPeriod: '期间不正确',
    tooMany: '查询过于频繁，请 {wait}后再试。',
    tooManyNoWait: '查询过于频繁，请稍后再试。',
    network: '网络连接失败，请检查网络后重试。',
    loadFailed: '没有读取到抽查结果',
    retry: '重试',
    drawsOf: '{period}共 {count} 次抽取',
    drawId: '抽取编号',
    drawnAt: '抽取时间',
    items: '检查事项',
    tally: '各类别抽取情况',
    class: '监管类别',
    pool: '企业数',
    rate: '抽查比例',
    drawn: '抽取数',
    entities: '抽中的企业（{count} 家，按抽取顺序）',
    noEntities: '本次没有抽中企业。',
    order: '第 {order} 家',
    uscc: '统一社会信用代码',
    inspectors: '抽中的执法人员',
    inspector: '{name}（执法证号 {certificate}）',
    notInspected: '待检查',
    inspected: '已检查',
    resultNumber: '检查记录号',
    resultDate: '检查日期',
    resultInspectors: '检查人员',
    itemsChecked: '检查的事项',
    summary: '检查情况',
    findings: '发现的问题',
    noFindings: '无',
    outcome: '处理结果',
    publishedAt: '公开时间',
    publishBy: '公开期限',
    publishByDay: '{date} 前',
    verification: '核验信息',
    verificationIntro:
      '抽取结果完全由下面的快照（抽取时的企业名录、执法人员库和回避情况）、随机种子和算法决定：同样的输入重新运行，必然得到同样的结果。',
    algorithm: '抽取算法',
    algorithmVersion: '{name}（第 {version} 版）',
    generator: '随机数生成器',
    description: '算法说明',
    seed: '随机种子',
    seedGiven: '抽取前公开确定的值',
    seedGenerated: '抽取时由系统随机生成',
    snapshotHash: '快照 SHA-256',
    hashCheck: '本页核对',
    hashChecking: '正在计算快照的 SHA-256…',
    hashMatches: '一致：本页收到的快照的 SHA-256 与公布值相同',
    hashDiffers: '不一致：本页收到的快照的 SHA-256 为 {hash}，与公布值不同',
    hashUnavailable: '此浏览器不能计算 SHA-256（须通过 HTTPS 访问），请下载快照后自行核对',
    download: '下载快照',
    howToVerify: '下载的快照与公布时一字不差。核对方法：',
    verifyHash: '计算快照文件的 SHA-256，与上面的公布值比对，如：',
    verifyRerun: '以快照和随机种子按上述算法重新抽取，结果应与公布的抽中企业和执法人员相同：可以运行本系统的',
    verifyRerunOther: '，也可以用该算法的任何其他实现。',
  },
  en: {
    title: 'Random inspections: published results',
    intro:
      'Under the “two randoms, one publication” rule, the bureau draws the firms to inspect and the inspectors to send at random, by plan, and publishes each draw and the results. Each draw comes with the data to verify it, so anyone can check it was not altered.',
    policy: 'Publication: {policy}.',
    period: 'Period',
    year: 'Year',
    yearOption: '{year}',
    quarter: 'Quarter',
    quarterOption: 'Q{quarter}',
    periodName: 'Q{quarter} {year}',
    loading: 'Loading…',
    empty: 'No draw published for {period}.',
    emptyHint: 'Draws are published here as soon as they are made; choose another quarter to look at.',
    badPeriod: 'Not a valid period',
    tooMany: 'Too many look-ups; please try again in {wait}.',
    tooManyNoWait: 'Too many look-ups; please try again later.',
    network: 'Could not reach the server; check your connection and try again.',
    loadFailed: 'Could not load the results',
    retry: 'Try again',
    drawsOf: '{count} draw(s) in {period}',
    drawId: 'Draw id',
    drawnAt: 'Drawn at',
    items: 'Inspection items',
    tally: 'Drawn per class',
    class: 'Class',
    pool: 'Firms',
    rate: 'Rate',
    drawn: 'Drawn',
    entities: 'Firms drawn ({count}, in the order drawn)',
    noEntities: 'No firm was drawn.',
    order: 'No. {order}',
    uscc: 'Unified social credit code',
    inspectors: 'Inspectors drawn',
    inspector: '{name} (certificate {certificate})',
    notInspected: 'Not yet inspected',
    inspected: 'Inspected',
    resultNumber: 'Record number',
    resultDate: 'Inspected on',
    resultInspectors: 'Inspected by',
    itemsChecked: 'Items checked',
    summary: 'What was found',
    findings: 'Findings',
    noFindings: 'None',
    outcome: 'Outcome',
    publishedAt: 'Published',
    publishBy: 'To be published by',
    publishByDay: '{date}',
    verification: 'Verification',
    verificationIntro:
      'The result is determined entirely by the snapshot below (the register of firms, the inspector pool and the exclusions at the time of the draw), the seed and the algorithm: run again on the same input, the draw gives the same result.',
    algorithm: 'Algorithm',
    algorithmVersion: '{name} (version {version})',
    generator: 'Random generator',
    description: 'How it works',
    seed: 'Seed',
    seedGiven: 'a public value fixed before the draw',
    seedGenerated: 'generated by the system at the draw',
    snapshotHash: 'Snapshot SHA-256',
    hashCheck: 'Checked here',
    hashChecking: 'Computing the snapshot’s SHA-256…',
    hashMatches: 'Matches: the SHA-256 of the snapshot this page received is the published one',
    hashDiffers: 'Does not match: the snapshot this page received has SHA-256 {hash}, not the published one',
    hashUnavailable:
      'This browser cannot compute SHA-256 (it needs HTTPS); download the snapshot and check it yourself',
    download: 'Download the snapshot',
    howToVerify: 'The download is the snapshot exactly as published. To verify it:',
    verifyHash: 'compute the file’s SHA-256 and compare it with the published value, e.g.',
    verifyRerun:
      're-run the draw from the snapshot and the seed with the algorithm above, which must give the same firms and inspectors: with this system’s',
    verifyRerunOther: ', or with any other implementation of the algorithm.',
  },
});

export type MessageKey = keyof (typeof messages)['zh'];
