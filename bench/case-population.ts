/**
 * A realistic population of complaint cases for the sweep benchmark, built with the domain itself: each case is
 * registered with `registerComplaint` and walked through the state machine (`performAction`, which runs
 * `applyTimeLimits` at every step) with the shipped policies and the library's calendar, and the nightly checks of
 * the nights before the sweep are replayed on it (`checkCase`), so clocks, colours, escalation flags and
 * `nextCheckAt` are what the app would have stored. Pure and deterministic for a given seed (apart from the random
 * part of the ULIDs).
 */
import { ulid } from 'ulid';
import { type Case, formatCaseNumber } from '#cases/domain/case.ts';
import { type ActionName, performAction } from '#cases/domain/workflow.ts';
import { buildCalendar } from '#deadlines/domain/calendar.ts';
import { checkCase, type TimeContext } from '#deadlines/domain/deadlines.ts';
import { libraryCalendarData } from '#deadlines/domain/holiday-library.ts';
import { initialPolicySet } from '#deadlines/domain/time-limit-policies.ts';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { User } from '#directory/domain/users.ts';
import type { Channel, NewComplaint, PollutionCategory } from '#intake/domain/complaint-input.ts';
import { registerComplaint } from '#intake/domain/register-complaint.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauYear } from '#platform/domain/time.ts';
import { demoUnits, demoUsers } from '../local/demo-organisation.ts';

const hour = 3_600_000;
const day = 24 * hour;

/** What a case is at the sweep: finished (no deadline index entry), open and far from a deadline, or due. */
export type CaseClass = 'finished' | 'open' | 'due';

/** Out of every 50 cases: 1 due (2%), 14 open and far from a deadline (28%), 35 finished (70%). */
export const classOf = (index: number): CaseClass => {
  const slot = index % 50;
  return slot === 0 ? 'due' : slot <= 14 ? 'open' : 'finished';
};

/** The policies and calendar the seeding uses: the same the nightly check loads for a sweep in 2026. */
export const seedingTimeContext = (): TimeContext => ({
  policySet: initialPolicySet,
  calendar: buildCalendar({ library: libraryCalendarData([2025, 2026, 2027]), overrides: { years: [], days: [] } }),
});

/** mulberry32: small, fast, good enough to spread a population, and reproducible. */
export const randomSource = (seed: number) => {
  let state = seed | 0;
  return (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const unitOf = (id: string): OrgUnit => {
  const unit = demoUnits.find((candidate) => candidate.id === id);
  if (!unit) throw new Error(`no demo unit ${id}`);
  return unit;
};
const userOf = (username: string): User => {
  const user = demoUsers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
};
const principalOf = (user: User): Principal => ({ username: user.username, roles: user.roles, unitId: user.unitId });

const petitionOffice = unitOf('city-petition');
const operator = principalOf(userOf('operator'));
const dispatcher = principalOf(userOf('dispatcher'));
const lead = userOf('lead');
const departments = [
  { department: unitOf('east-enforcement'), responsible: userOf('handler') },
  { department: unitOf('east-solid-waste'), responsible: userOf('handler2') },
];

const channelWeights: readonly [Channel, number][] = [
  ['hotline', 45],
  ['web', 14],
  ['wechat', 14],
  ['letter', 8],
  ['visit', 5],
  ['email', 4],
  ['online-platform', 6],
  ['higher-level', 4],
];
const complaintsByCategory: Readonly<Record<PollutionCategory, readonly string[]>> = {
  noise: ['工厂夜间持续作业，噪声很大，影响周边居民休息。', '工地凌晨仍在施工打桩，噪声扰民。'],
  air: ['化工厂烟囱冒黑烟，气味刺鼻，附近居民不敢开窗。', '喷漆车间废气直排，小区里都是油漆味。'],
  water: ['河道出现大量白色泡沫，疑似企业偷排污水。', '养殖场废水直接排入沟渠，水体发黑发臭。'],
  'solid-waste': ['路边堆放大量建筑垃圾，长期无人清运。', '有人在河滩倾倒工业废料，桶上有危险标志。'],
  soil: ['废弃厂区地面渗出油污，周边菜地受影响。'],
  radiation: ['小区楼顶新装基站，居民担心辐射。'],
  ecology: ['湿地保护区内有人挖沙，植被被破坏。'],
  other: ['餐馆油烟直排居民楼，投诉多次未解决。'],
};
const categoryWeights: readonly [PollutionCategory, number][] = [
  ['noise', 30],
  ['air', 25],
  ['water', 15],
  ['solid-waste', 15],
  ['soil', 3],
  ['radiation', 2],
  ['ecology', 3],
  ['other', 7],
];
const towns = ['城东街道', '城西街道', '城北街道', '城南街道', '高新区', '江南镇', '湖滨镇', '新港镇'];
const roads = ['建设路', '人民路', '解放路', '滨江路', '工业大道', '长江路', '和平街', '新华路', '园区一路'];
const surnames = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const firms = ['宏达化工有限公司', '恒信建材有限公司', '东方印染厂', '鑫源金属制品有限公司', '绿洲餐饮管理有限公司'];

/** Builds cases one by one; `next(index)` returns the case with that index in the population. */
export const casePopulation = (options: { sweepAt: Date; seed: number; time: TimeContext }) => {
  const { sweepAt, time } = options;
  const random = randomSource(options.seed);
  const between = (min: number, max: number) => min + random() * (max - min);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weighted = <T>(items: readonly [T, number][]): T => {
    let left = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of items) {
      left -= weight;
      if (left < 0) return item;
    }
    return (items.at(-1) as [T, number])[0];
  };
  const counters = new Map<number, number>();
  const nextNumber = (year: number) => {
    const sequence = (counters.get(year) ?? 0) + 1;
    counters.set(year, sequence);
    return formatCaseNumber(year, sequence);
  };

  /** A complaint as an operator records it; `walk` sets when it was received. */
  const newComplaint = (): NewComplaint => {
    const category = weighted(categoryWeights);
    const anonymous = random() < 0.2;
    return {
      channel: weighted(channelWeights),
      complainant: anonymous
        ? { anonymous: true, confidential: false }
        : {
            anonymous: false,
            confidential: random() < 0.1,
            name: `${pick(surnames)}${random() < 0.5 ? '先生' : '女士'}`,
            phone: `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
          },
      place: { address: `${pick(roads)} ${1 + Math.floor(random() * 300)} 号`, town: pick(towns) },
      ...(random() < 0.5 ? { source: { name: pick(firms) } } : {}),
      category,
      description: pick(complaintsByCategory[category]),
      urgency: random() < 0.05 ? 'urgent' : 'normal',
      attachments: [],
    };
  };

  /** 01:00 in Beijing (17:00 UTC), on or after `instant`: when the nightly check next runs. */
  const nightAtOrAfter = (instant: number) => Math.ceil((instant - 17 * hour) / day) * day + 17 * hour;

  /** Replays the nightly checks of the nights before `until` that would have looked at the case. */
  const replayNights = (item: Case, until: number): Case => {
    let current = item;
    for (let guard = 0; current.nextCheckAt && guard < 50; guard += 1) {
      const night = nightAtOrAfter(new Date(current.nextCheckAt).getTime());
      if (night >= until) break;
      const result = checkCase(current, new Date(night), time);
      const recorded = result.colourChanged || result.notices.length > 0 || result.filledIn.length > 0;
      current = {
        ...result.case,
        version: current.version + 1,
        historyLength: current.historyLength + (recorded ? 1 : 0),
      };
    }
    return current;
  };

  type Step = { action: ActionName; input: Record<string, unknown>; by: Principal; gap: () => number };
  const stepsTo = (
    target: Case['state'],
    pace: 'urgent' | 'hotline' | 'petition',
    assignee: (typeof departments)[number],
  ) => {
    const fast = pace === 'urgent';
    const hotline = pace === 'hotline';
    const handler = principalOf(assignee.responsible);
    const accept: Step = {
      action: 'accept',
      input: {},
      by: dispatcher,
      gap: () => (fast ? between(0.1, 1) : hotline ? between(0.2, 6) : between(2, 96)) * hour,
    };
    const assign: Step = {
      action: 'assign',
      input: {
        departmentId: assignee.department.id,
        responsibleUsername: assignee.responsible.username,
        leadUsername: lead.username,
      },
      by: dispatcher,
      gap: () => (fast ? between(0.1, 1) : between(0.5, 36)) * hour,
    };
    const sign: Step = {
      action: 'sign',
      input: {},
      by: handler,
      gap: () => (fast ? between(0.1, 1) : hotline ? between(0.5, 20) : between(1, 60)) * hour,
    };
    const submit: Step = {
      action: 'submit-result',
      input: {
        result: '已现场检查，责令企业限期整改，并将持续跟踪。',
        publicReply: '经现场核查，已责令相关企业整改。',
      },
      by: handler,
      gap: () => (fast ? between(1, 6) * hour : hotline ? between(1, 12) * day : between(3, 45) * day),
    };
    const approve: Step = {
      action: 'approve-result',
      input: {},
      by: principalOf(lead),
      gap: () => between(2, 72) * hour,
    };
    const reject: Step = {
      action: 'reject',
      input: { reason: '不属于生态环境部门职责，已告知向有关部门反映。' },
      by: dispatcher,
      gap: () => between(1, 72) * hour,
    };
    const paths: Partial<Record<Case['state'], Step[]>> = {
      registered: [],
      accepted: [accept],
      assigned: [accept, assign],
      'in-progress': [accept, assign, sign],
      'result-submitted': [accept, assign, sign, submit],
      closed: [accept, assign, sign, submit, approve],
      rejected: [reject],
    };
    const steps = paths[target];
    if (!steps) throw new Error(`no path to ${target}`);
    return steps;
  };

  interface Plan {
    readonly complaint: NewComplaint;
    readonly registrationDelay: number;
    readonly steps: readonly Step[];
    /** Time between one step and the next, drawn once so that the plan can be moved in time as a whole. */
    readonly gaps: readonly number[];
  }

  const plan = (target: Case['state']): Plan => {
    const complaint = newComplaint();
    const pace = complaint.channel !== 'hotline' ? 'petition' : complaint.urgency === 'urgent' ? 'urgent' : 'hotline';
    const steps = stepsTo(target, pace, pick(departments));
    return {
      complaint,
      registrationDelay: Math.round(between(1, 30) * 60_000),
      steps,
      gaps: steps.map((step) => Math.round(step.gap())),
    };
  };
  const span = (chosen: Plan) => chosen.registrationDelay + chosen.gaps.reduce((sum, gap) => sum + gap, 0);

  /** The case as stored at `until` (the sweep), having gone through the plan from `receivedAt`. */
  const walk = (chosen: Plan, receivedAtMs: number, until: number): { item: Case; lastActionAt: number } => {
    const receivedAt = Math.round(receivedAtMs);
    let at = receivedAt + chosen.registrationDelay;
    const registered = registerComplaint({
      complaint: { ...chosen.complaint, receivedAt: new Date(receivedAt).toISOString() },
      registrant: operator,
      unit: petitionOffice,
      now: new Date(at),
      ids: { caseId: ulid(receivedAt), eventId: 'bench' },
      time,
    });
    // Numbered once chosen (`next`), so that discarded attempts leave no gaps.
    let item: Case = { ...registered.case, number: '' };
    chosen.steps.forEach((step, index) => {
      at += chosen.gaps[index] ?? 0;
      item = replayNights(item, at);
      const assignee = departments.find((entry) => entry.department.id === step.input.departmentId);
      const transition = performAction(item, step.action, step.input as never, step.by, {
        now: new Date(at),
        eventId: () => 'bench',
        time,
        ...(assignee ? { department: assignee.department, responsible: assignee.responsible, lead } : {}),
      });
      item = (transition.changes[0] as { after: Case }).after;
    });
    return { item: replayNights(item, until), lastActionAt: at };
  };

  const sweep = sweepAt.getTime();

  const finished = (): Case => {
    const chosen = plan(random() < 0.05 ? 'rejected' : 'closed');
    const receivedAt = sweep - between(65, 400) * day;
    const { item } = walk(chosen, receivedAt, sweep);
    if (item.nextCheckAt) throw new Error(`a finished case has a next check: ${item.id}`);
    return item;
  };

  const openStates: readonly [Case['state'], number][] = [
    ['registered', 5],
    ['accepted', 5],
    ['assigned', 10],
    ['in-progress', 65],
    ['result-submitted', 15],
  ];

  /** Open, blue, and nothing for the nightly check to do at the sweep. */
  const open = (): Case => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const chosen = plan(weighted(openStates));
      const receivedAt = sweep - between(1, 20 * 24) * hour - span(chosen);
      const { item } = walk(chosen, receivedAt, sweep);
      if (item.colour === 'blue' && item.nextCheckAt && new Date(item.nextCheckAt).getTime() > sweep) return item;
    }
    throw new Error('could not build an open case far from its deadline');
  };

  const dueStates: readonly [Case['state'], number][] = [
    ['accepted', 10],
    ['assigned', 10],
    ['in-progress', 70],
    ['result-submitted', 10],
  ];

  /**
   * Open, and since last night inside the warning window of its finish deadline (turning yellow) or past it (turning
   * red): the plan is moved in time until the finish clock's warning or deadline falls in the last 24 hours.
   */
  const due = (): Case => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const target = random() < 0.5 ? 'yellow' : 'red';
      const chosen = plan(weighted(dueStates));
      const aim = sweep - between(1, 23) * hour;
      let receivedAt = sweep - 30 * day - span(chosen);
      for (let move = 0; move < 6; move += 1) {
        const { item, lastActionAt } = walk(chosen, receivedAt, sweep);
        const finish = item.timeLimits?.clocks.finish;
        if (!finish) break;
        const event = new Date(target === 'yellow' ? finish.warnFrom : finish.dueAt).getTime();
        const next = item.nextCheckAt ? new Date(item.nextCheckAt).getTime() : Number.POSITIVE_INFINITY;
        if (next > sweep - day && next <= sweep && lastActionAt < sweep) {
          const check = checkCase(item, sweepAt, time);
          if (check.colourChanged && check.case.colour === target) return item;
        }
        receivedAt += aim - event;
      }
    }
    throw new Error('could not build a case due at the sweep');
  };

  return {
    next: (index: number): Case => {
      const kind = classOf(index);
      const item = kind === 'due' ? due() : kind === 'open' ? open() : finished();
      return { ...item, number: nextNumber(bureauYear(new Date(item.receivedAt))) };
    },
  };
};
