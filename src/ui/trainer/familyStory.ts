/**
 * A simulated family dressed as a story (模拟家庭的人物与地点): the members of a traced family get
 * names from their place in the family and their age, the pooling areas and provinces their names
 * from the dataset, so the trainer's labels, cast, accounts table and clearing chain show them as
 * they show a story's people. Nothing here runs the family: the steps come from its trace.
 */
import type { FamilyTrace } from '../../engine/result';
import { SCHEMES } from '../../population/columns';
import type { Dataset } from '../../population/dataset';
import type { Story } from '../../scenario/storySchema';
import type { Message } from '../../text/i18n';

/** The picker's value, and the address's story id, of a family from the simulation. */
export const SIMULATED_ID = 'simulated';

/** The family roles of the population (祖辈, 子女辈, 配偶, 孙辈), by role code. */
const ROLES: readonly Message[] = [
  { zh: '祖辈', en: 'grandparent' },
  { zh: '子女辈', en: 'middle generation' },
  { zh: '配偶', en: 'married in' },
  { zh: '孙辈', en: 'grandchild' },
];

/** What the story says about where the family comes from. */
export interface FamilyOrigin {
  scenarioId: string;
  /** k of scale 1:k. */
  scaleK: number;
  /** Sample position of the family. */
  position: number;
}

/** The names of the places a trace visits: its pooling areas and payees' areas and their provinces. */
function placesOf(trace: FamilyTrace, dataset: Dataset): Story['places'] {
  const codes = new Set<string>();
  for (const p of trace.persons) if (p.area) codes.add(p.area);
  for (const p of trace.postings) {
    for (const account of [p.from, p.to]) {
      if (account.startsWith('payee:') || account.startsWith('fund:')) {
        codes.add(account.slice(account.lastIndexOf(':') + 1));
      }
    }
  }
  const places: Record<string, Message> = {};
  for (const code of codes) {
    const area = dataset.poolingAreas.find((a) => a.code === code);
    const province = dataset.provinces.find((p) => p.code2 === code.slice(0, 2));
    if (province) places[code.slice(0, 2)] = { zh: province.nameZh, en: province.nameEn };
    // Pooling areas have Chinese names only; a municipality is named like its province.
    if (area && area.kind === 'municipality' && province)
      places[code] = { zh: area.nameZh, en: province.nameEn };
    else if (area) places[code] = { zh: area.nameZh, en: `${area.nameZh} (${code})` };
    else if (province && code === province.adcode)
      places[code] = { zh: province.nameZh, en: province.nameEn };
  }
  return places;
}

/**
 * The story-shaped description of a traced family: its members (named “成员 3（子女辈，34 岁）” /
 * “Member 3 (middle generation, 34)”), their schemes and pooling areas, its relationships and the
 * names of its places. The story has no steps of its own.
 */
export function familyStory(trace: FamilyTrace, dataset: Dataset, origin: FamilyOrigin): Story {
  const people = trace.persons.map((p, i) => {
    const role = ROLES[p.role] ?? { zh: '成员', en: 'member' };
    return {
      id: p.id,
      name: { zh: `成员 ${i + 1}（${role.zh}，${p.age} 岁）`, en: `Member ${i + 1} (${role.en}, ${p.age})` },
      scheme: SCHEMES[p.scheme] ?? 'uninsured',
      poolingArea: p.area,
      province: p.area.slice(0, 2),
      balanceFen: 0,
    };
  });
  const where = `${origin.scenarioId}, 1:${origin.scaleK}`;
  return {
    id: SIMULATED_ID,
    title: { zh: '模拟家庭', en: 'A family from the simulation' },
    description: {
      zh: `模拟人口（${where}）中抽样位置 ${origin.position} 的家庭（家庭编号 ${trace.familyIndex}），${people.length} 人，全年的每一笔记账都来自引擎。`,
      en: `The family at sample position ${origin.position} of the simulated population (${where}; family index ${trace.familyIndex}), ${people.length} people; every posting of the year comes from the engine.`,
    },
    places: placesOf(trace, dataset),
    people,
    // The trace does not say how the two are related; the labels never show it.
    relationships: trace.relationships.map((r) => ({
      id: r.id,
      sharer: r.sharerId,
      beneficiary: r.beneficiaryId,
      relation: 'spouse' as const,
    })),
    steps: [],
  };
}
