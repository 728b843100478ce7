/**
 * Validating a training story (培训故事校验): the schema and the cross-references (people,
 * relationships, places, the scenario the rules come from, the order of time) are checked over the
 * whole file, and every problem is returned at once with its field path.
 */
import type { RuleParameters } from '../rules/parameters';
import { toRuleParameters } from './convert';
import { capErrors, scenarioError, translateIssues, type ScenarioError } from './errors';
import type { PathSegment } from './fields';
import { readJsonText } from './jsonText';
import { quote } from '../text/quote';
import type { Scenario } from './schema';
import { storySchema, type Story } from './storySchema';
import { checkStructure, withoutRefusedKeys } from './structure';

/** A validated story with the rule parameters it runs under. */
export interface LoadedStory {
  story: Story;
  params: RuleParameters;
}

/** The outcome of validating a story: the story and its parameters, or every error found. */
export type StoryResult = ({ ok: true } & LoadedStory) | { ok: false; errors: ScenarioError[] };

/** Finds a scenario by id, for stories that name the scenario whose rules they use. */
export type ScenarioLookup = (id: string) => Scenario | undefined;

/** The checks that look across fields: references, places, balances and the order of the steps. */
function crossCheck(story: Story, scenarios: ScenarioLookup): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const bad = (path: readonly PathSegment[], en: string, zh: string) =>
    errors.push(scenarioError(path, 'inconsistent', { en, zh }));

  if ((story.scenario === undefined) === (story.rules === undefined)) {
    bad(
      [],
      'give exactly one of "scenario" (a scenario id) and "rules" (inline)',
      '"scenario"（场景 id）与 "rules"（直接写出）须且只能给出一项',
    );
  } else if (story.scenario !== undefined && !scenarios(story.scenario)) {
    bad(
      ['scenario'],
      `no scenario file has the id ${quote(story.scenario)}`,
      `没有 id 为 ${quote(story.scenario, 'zh')} 的场景文件`,
    );
  }

  const people = new Set<string>();
  const place = (path: readonly PathSegment[], code: string) => {
    if (!Object.hasOwn(story.places, code)) {
      bad(
        path,
        `"places" has no name for the code ${quote(code)}`,
        `"places" 中没有代码 ${quote(code, 'zh')} 的名称`,
      );
    }
  };
  story.people.forEach((p, i) => {
    if (people.has(p.id))
      bad(
        ['people', i, 'id'],
        `the person id ${quote(p.id)} is used twice`,
        `人员 id ${quote(p.id, 'zh')} 重复`,
      );
    people.add(p.id);
    if (p.balanceFen > 0 && p.scheme !== 'employee-account') {
      bad(
        ['people', i, 'balanceFen'],
        'only an employee with a personal account has a balance',
        '只有有个人账户的职工才有余额',
      );
    }
    if (!p.poolingArea.startsWith(p.province)) {
      bad(
        ['people', i, 'province'],
        `the pooling area ${p.poolingArea} is not in province ${p.province}`,
        `统筹地区 ${p.poolingArea} 不属于省份 ${p.province}`,
      );
    }
    place(['people', i, 'poolingArea'], p.poolingArea);
    place(['people', i, 'province'], p.province);
  });
  const who = (path: readonly PathSegment[], id: string) => {
    if (!people.has(id))
      bad(path, `no person has the id ${quote(id)}`, `没有 id 为 ${quote(id, 'zh')} 的人员`);
  };

  const relationships = new Set<string>();
  story.relationships.forEach((r, i) => {
    if (relationships.has(r.id))
      bad(
        ['relationships', i, 'id'],
        `the relationship id ${quote(r.id)} is used twice`,
        `共济关系 id ${quote(r.id, 'zh')} 重复`,
      );
    relationships.add(r.id);
    who(['relationships', i, 'sharer'], r.sharer);
    who(['relationships', i, 'beneficiary'], r.beneficiary);
  });
  const link = (path: readonly PathSegment[], id: string) => {
    if (!relationships.has(id))
      bad(path, `no relationship has the id ${quote(id)}`, `没有 id 为 ${quote(id, 'zh')} 的共济关系`);
  };

  story.steps.forEach((s, i) => {
    const at = ['steps', i];
    if ('person' in s) who([...at, 'person'], s.person);
    if ('relationship' in s) link([...at, 'relationship'], s.relationship);
    if (s.op === 'end') who([...at, 'by'], s.by);
    if ('poolingArea' in s) place([...at, 'poolingArea'], s.poolingArea);
    if (s.op === 'changeInsurance' && s.change.kind === 'move') {
      place([...at, 'change', 'poolingArea'], s.change.poolingArea);
      place([...at, 'change', 'province'], s.change.province);
    }
    const prev = story.steps[i - 1];
    if (prev && s.at < prev.at)
      bad(
        [...at, 'at'],
        `the step happens before the one above it (${prev.at})`,
        `此步早于上一步（${prev.at}）`,
      );
    if ((s.expect.postings === undefined) === (s.expect.refusal === undefined)) {
      bad(
        [...at, 'expect'],
        'give exactly one of "postings" (allowed) and "refusal" (refused)',
        '"postings"（允许）与 "refusal"（拒绝）须且只能给出一项',
      );
    }
    s.expect.ended?.forEach((r, j) => link([...at, 'expect', 'ended', j], r));
  });
  return errors;
}

/**
 * Validates a JSON value (already parsed from text) as a training story, with every error at once
 * (up to `MAX_ERRORS`). `scenarios` finds the scenario a story names for its rules. A value nested
 * deeper than `MAX_DEPTH`, or with a `__proto__` key, is refused before the schema sees it.
 */
export function parseStory(json: unknown, scenarios: ScenarioLookup): StoryResult {
  const structure = checkStructure(json);
  if (structure.tooDeep) return { ok: false, errors: structure.errors };
  const parsed = storySchema.safeParse(json, { reportInput: true });
  if (!parsed.success || structure.errors.length > 0) {
    const found = parsed.success ? [] : translateIssues(parsed.error.issues, [], storySchema);
    return {
      ok: false,
      errors: capErrors([...structure.errors, ...withoutRefusedKeys(structure.errors, found)]),
    };
  }
  const story = parsed.data;
  const errors = capErrors(crossCheck(story, scenarios));
  if (errors.length > 0) return { ok: false, errors };
  const rules = story.rules ?? scenarios(story.scenario ?? '')?.rules;
  // crossCheck has made sure that one of the two is there.
  if (!rules) throw new Error('a story without rules passed the checks');
  return { ok: true, story, params: toRuleParameters({ rules }) };
}

/**
 * Reads a training story from the text of a file: JSON syntax errors with their line and column,
 * then {@link parseStory}. A byte-order mark at the start is allowed.
 */
export function parseStoryText(text: string, scenarios: ScenarioLookup): StoryResult {
  const read = readJsonText(text);
  return read.ok ? parseStory(read.json, scenarios) : { ok: false, errors: [read.error] };
}

/** Formats a story's errors for people, one per line: `file: path: English / 中文`. */
export function formatStoryErrors(errors: readonly ScenarioError[]): string {
  const n = errors.length;
  const head = `培训故事有 ${n} 处错误 / the story has ${n} error${n === 1 ? '' : 's'}:`;
  const lines = errors.map((e) => {
    const where = [e.file, e.path || '(whole file)'].filter(Boolean).join(': ');
    return `  ${where}: ${e.en} / ${e.zh}`;
  });
  return [head, ...lines].join('\n');
}
