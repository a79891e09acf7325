/**
 * Who the names of a task table are: each department named is matched to an org unit of the directory (a name not
 * found, or found more than once, refuses the row, so nothing is created on a guess), each leader and person to a user
 * where one fits (else the name is kept and the row says so). Pure: the units and users in the creator's scope are
 * inputs.
 */
import type { OrgUnit } from '#directory/domain/org-units.ts';
import type { Colleague } from '#directory/domain/users.ts';
import type { FieldProblem } from '#platform/domain/errors.ts';
import { type InheritedField, nameKey, type TaskRow } from './task-table.ts';

/** A person named in a plan: the name as written, and the user it was matched to, if any. */
export interface PersonRef {
  readonly name: string;
  readonly username?: string;
}

export interface DepartmentRef {
  readonly id: string;
  readonly name: string;
}

/** A task whose names were matched: what a campaign stores of it (with the case id it plans). */
export interface MatchedTask {
  readonly number: number;
  readonly title: string;
  readonly remark?: string;
  /** The department cell as written (or inherited from the row above). */
  readonly departmentCell: string;
  /** The lead department (the first named) with its path from the root; the others named share the task. */
  readonly department: DepartmentRef & { readonly path: readonly string[] };
  readonly coDepartments: readonly (DepartmentRef & { readonly path: readonly string[] })[];
  /** 责任领导 and 责任人: matched to a user where one fits, else the name alone. */
  readonly leader?: PersonRef;
  readonly person?: PersonRef;
  /**
   * Whether the task can be assigned at once: the person is a handler of the department and the leader a lead official
   * of it or a unit above it (what the workflow's assignment asks). Else the office assigns it later.
   */
  readonly assignable: boolean;
  readonly inherited: readonly InheritedField[];
}

/** What the matching found for one row: the task, and what the row should tell the caller (names kept, no person). */
export interface RowReport {
  readonly ref: string;
  readonly label: string;
  readonly number: number;
  readonly warnings: readonly string[];
}

export interface Directory {
  /** The org units in the creator's scope. */
  readonly units: readonly OrgUnit[];
  /** The users of those units. */
  readonly users: readonly Colleague[];
  /** Names the caller mapped to unit ids themselves (`{"管理科": "east-management"}`), for names found twice or not at all. */
  readonly aliases?: Readonly<Record<string, string>>;
}

/** `周伟（城东分局包案领导）` → `周伟`: directory names may carry a note in brackets. */
const displayKey = (displayName: string): string => nameKey(displayName.replace(/[(（][^)）]*[)）]/g, ''));

const usersNamed = (name: string, users: readonly Colleague[]): Colleague[] => {
  const key = nameKey(name);
  const byUsername = users.filter((user) => user.username === name.trim());
  return byUsername.length > 0 ? byUsername : users.filter((user) => displayKey(user.displayName) === key);
};

const unitLabel = (unit: OrgUnit, units: readonly OrgUnit[]): string => {
  const parent = units.find((candidate) => candidate.id === unit.parentId);
  return `${parent ? parent.name : ''}${unit.name}（${unit.id}）`;
};

type Found<T> = { readonly found: T } | { readonly problem: string };

/** The unit a department name stands for, narrowed by the units of the row's people when the name is found twice. */
const findDepartment = (name: string, directory: Directory, people: readonly Colleague[]): Found<OrgUnit> => {
  const { units } = directory;
  const key = nameKey(name);
  const alias = Object.entries(directory.aliases ?? {}).find(([written]) => nameKey(written) === key)?.[1];
  if (alias !== undefined) {
    const unit = units.find((candidate) => candidate.id === alias);
    return unit?.kind === 'department'
      ? { found: unit }
      : { problem: `departments 中为“${name}”指定的 ${alias} 不是您管辖范围内的科室` };
  }
  const byId = units.find((unit) => unit.id === name.trim() && unit.kind === 'department');
  if (byId) return { found: byId };
  const named = units.filter((unit) => {
    if (unit.kind !== 'department') return false;
    const parent = units.find((candidate) => candidate.id === unit.parentId);
    return nameKey(unit.name) === key || (parent !== undefined && nameKey(`${parent.name}${unit.name}`) === key);
  });
  if (named.length === 1) return { found: named[0] as OrgUnit };
  if (named.length === 0) return { problem: `找不到责任部门“${name}”：您管辖的单位中没有此科室` };
  const theirs = named.filter((unit) => people.some((user) => unit.path.includes(user.unitId)));
  if (theirs.length === 1) return { found: theirs[0] as OrgUnit };
  return {
    problem:
      `责任部门“${name}”有 ${named.length} 个同名科室：${named.map((unit) => unitLabel(unit, units)).join('、')}；` +
      '请写明所属单位（如“城东分局监察大队”），或在 departments 中指定',
  };
};

/** The one user of `candidates` that fits (`fits`: in the department, on its path), or none when it stays ambiguous. */
const pick = (candidates: readonly Colleague[], fits: (user: Colleague) => boolean): Colleague | undefined => {
  if (candidates.length === 1) return candidates[0];
  const fitting = candidates.filter(fits);
  return fitting.length === 1 ? fitting[0] : undefined;
};

const personRef = (name: string, user: Colleague | undefined): PersonRef =>
  user ? { name, username: user.username } : { name };

export interface MatchedTable {
  readonly tasks: readonly MatchedTask[];
  readonly reports: readonly RowReport[];
  /** Rows whose department could not be matched: any refuses the whole table. */
  readonly problems: readonly FieldProblem[];
}

/**
 * Matches every row's names. A department that is not found, or found twice without the row's people telling which,
 * is a problem of that row; leaders and persons not found (or found twice) are kept as names, with a warning.
 */
export const matchTasks = (rows: readonly TaskRow[], directory: Directory): MatchedTable => {
  const tasks: MatchedTask[] = [];
  const reports: RowReport[] = [];
  const problems: FieldProblem[] = [];
  for (const row of rows) {
    const where = `${row.label}（序号 ${row.number}）`;
    const leaderCandidates = row.leader ? usersNamed(row.leader, directory.users) : [];
    const personCandidates = row.person ? usersNamed(row.person, directory.users) : [];
    const people = [...leaderCandidates, ...personCandidates];
    const found = row.departmentNames.map((name) => findDepartment(name, directory, people));
    const failed = found.flatMap((result) => ('problem' in result ? [result.problem] : []));
    if (failed.length > 0) {
      const from = row.inherited.includes('department') ? '（沿用上一行）' : '';
      problems.push(
        ...failed.map((message) => ({ path: `${row.ref}.department`, message: `${where}${from}：${message}` })),
      );
      continue;
    }
    const [lead, ...others] = found.map((result) => (result as { found: OrgUnit }).found);
    if (!lead) {
      problems.push({ path: `${row.ref}.department`, message: `${where}：没有责任部门` });
      continue;
    }
    const leaderUser = pick(leaderCandidates, (user) => lead.path.includes(user.unitId));
    const personUser = pick(personCandidates, (user) => user.unitId === lead.id);
    const warnings: string[] = [];
    const unmatched = (role: string, name: string, candidates: readonly Colleague[]) =>
      warnings.push(
        candidates.length > 1
          ? `${role}“${name}”有 ${candidates.length} 位同名用户，无法确定是谁，按姓名记录`
          : `${role}“${name}”不是系统用户，按姓名记录`,
      );
    if (row.leader && !leaderUser) unmatched('责任领导', row.leader, leaderCandidates);
    if (row.person && !personUser) unmatched('责任人', row.person, personCandidates);
    if (!row.leader) warnings.push('未写明责任领导');
    if (!row.person) warnings.push('未写明责任人');
    const personFits = personUser?.unitId === lead.id && personUser.roles.includes('handler');
    const leaderFits =
      leaderUser !== undefined && lead.path.includes(leaderUser.unitId) && leaderUser.roles.includes('lead');
    if (personUser && !personFits) warnings.push(`责任人“${row.person}”不是${lead.name}的承办人`);
    if (leaderUser && !leaderFits) warnings.push(`责任领导“${row.leader}”不是${lead.name}或其上级单位的包案领导`);
    const assignable = personFits && leaderFits;
    if (!assignable) warnings.push('任务暂未派单，待领导小组办公室指定责任人后派单');
    tasks.push({
      number: row.number,
      title: row.title,
      ...(row.remark ? { remark: row.remark } : {}),
      departmentCell: row.department,
      department: { id: lead.id, name: lead.name, path: lead.path },
      coDepartments: others.map((unit) => ({ id: unit.id, name: unit.name, path: unit.path })),
      ...(row.leader ? { leader: personRef(row.leader, leaderUser) } : {}),
      ...(row.person ? { person: personRef(row.person, personUser) } : {}),
      assignable,
      inherited: row.inherited,
    });
    reports.push({ ref: row.ref, label: row.label, number: row.number, warnings });
  }
  return { tasks, reports, problems };
};

/** The people of a leading group, each matched to a user when exactly one has the name. */
export const matchPeople = (names: readonly string[], users: readonly Colleague[]): PersonRef[] =>
  names.map((name) => {
    const candidates = usersNamed(name, users);
    return personRef(name, candidates.length === 1 ? candidates[0] : undefined);
  });
