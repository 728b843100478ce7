/**
 * Who may share with whom, and where: R1 (sharer 共济人), R2 (beneficiary 被共济人, near relatives
 * 近亲属) and R3 (geography and the wallet rollout). Pure decisions: each returns null when the rule
 * allows, or the refusal.
 */
import type { GeographyParameters, RelativeScope } from './parameters';
import { refuse, type Refusal } from './refusal';
import {
  INSURED_SCHEMES,
  NEAR_RELATIVE_KINDS,
  type PermittedUse,
  type Person,
  type RelationKind,
} from './types';

/** The relations each R2 scope admits: the 2021 reform's, and the near relatives of the Civil Code art. 1045. */
export const RELATIVES_IN_SCOPE: Readonly<Record<RelativeScope, ReadonlySet<RelationKind>>> = {
  'spouse-parents-children': new Set<RelationKind>(['spouse', 'parent', 'child']),
  'near-relatives': new Set<RelationKind>(NEAR_RELATIVE_KINDS),
};

const RELATION_ZH: Readonly<Record<RelationKind, string>> = {
  spouse: '配偶',
  parent: '父母',
  child: '子女',
  sibling: '兄弟姐妹',
  grandparent: '祖父母、外祖父母',
  grandchild: '孙子女、外孙子女',
  'parent-in-law': '配偶的父母',
  'child-in-law': '子女的配偶',
  'sibling-in-law': '配偶的兄弟姐妹或兄弟姐妹的配偶',
  other: '其他关系',
};

/** R1: only an insured employee with a personal account may share. */
export function checkSharer(sharer: Person): Refusal | null {
  if (sharer.scheme === 'employee-account') return null;
  const why =
    sharer.scheme === 'employee-pooling-only'
      ? [
          '参加的是单建统筹职工医保，没有个人账户',
          'is in a pooling-only employee scheme and has no personal account',
        ]
      : sharer.scheme === 'resident'
        ? ['参加的是城乡居民医保，没有个人账户', 'is in resident insurance, which has no personal account']
        : ['未参加基本医疗保险', 'is not insured'];
  return refuse(
    'R1',
    'sharer-has-no-account',
    `共济人${why[0]}，不能开展共济（R1：只有有个人账户的职工医保参保人可以共济）。`,
    `The would-be sharer ${why[1]}, so cannot share (R1: only insured employees with a personal account may share).`,
  );
}

/**
 * R2: the beneficiary must be a near relative within the scenario's scope, and insured in basic
 * medical insurance; with `enrolmentOfUninsured` a near relative who is not insured may be a
 * beneficiary too, whose relationship can then pay only the contributions that enrol them
 * ({@link checkInsuredForUse}).
 */
export function checkBeneficiary(
  scope: RelativeScope,
  relation: RelationKind,
  beneficiary: Person,
  enrolmentOfUninsured = false,
): Refusal | null {
  if (!RELATIVES_IN_SCOPE['near-relatives'].has(relation)) {
    return refuse(
      'R2',
      'not-near-relative',
      `${RELATION_ZH[relation]}不是近亲属，不能作为被共济人（R2：姻亲不属于近亲属）。`,
      `${relationInEnglish(relation, true)} is not a near relative and cannot be a beneficiary (R2: in-laws are not near relatives).`,
    );
  }
  if (!RELATIVES_IN_SCOPE[scope].has(relation)) {
    return refuse(
      'R2',
      'outside-relative-scope',
      `本方案的共济范围仅限配偶、父母、子女，${RELATION_ZH[relation]}不在范围内（R2）。`,
      `This scenario limits sharing to spouse, parents and children; ${relationInEnglish(relation)} is outside that scope (R2).`,
    );
  }
  if (!INSURED_SCHEMES.includes(beneficiary.scheme) && !enrolmentOfUninsured) {
    return refuse(
      'R2',
      'beneficiary-not-insured',
      '被共济人须参加基本医疗保险（职工医保或城乡居民医保）（R2）。',
      'The beneficiary must be insured in basic medical insurance, employee or resident scheme (R2).',
    );
  }
  return null;
}

/** The uses that pay a contribution, which may enrol a near relative who is not insured (R2, R11). */
export const CONTRIBUTION_USES: ReadonlySet<PermittedUse> = new Set<PermittedUse>([
  'resident-contribution',
  'ltc-contribution',
]);

/**
 * R2 at the moment of paying: shared money pays a medical or pharmacy bill only for an insured
 * beneficiary; a resident or long-term-care contribution of a near relative who is not insured may
 * be paid only where the scenario opens enrolment (`enrolmentOfUninsured`), and the relative is
 * then insured from the next coverage year.
 */
export function checkInsuredForUse(
  use: PermittedUse,
  beneficiary: Person,
  enrolmentOfUninsured: boolean,
): Refusal | null {
  if (INSURED_SCHEMES.includes(beneficiary.scheme)) return null;
  if (!CONTRIBUTION_USES.has(use)) {
    return refuse(
      'R2',
      'beneficiary-not-insured',
      '被共济人尚未参加基本医疗保险，共济资金不能支付其就医购药费用；参保缴费后自下一个参保年度起方可使用（R2）。',
      'The beneficiary is not insured, so shared money cannot pay their medical or pharmacy bills; once their contribution is paid they are insured from the next coverage year (R2).',
    );
  }
  if (enrolmentOfUninsured) return null;
  return refuse(
    'R2',
    'beneficiary-not-insured',
    '本方案未开放用共济资金为未参保的近亲属缴费参保，被共济人须已参加基本医疗保险（R2）。',
    'This scenario does not let shared money pay the contribution that enrols an uninsured relative; the beneficiary must already be insured (R2).',
  );
}

/**
 * How the R2 refusals name a relation in English, with its article and, when it starts the
 * sentence, a capital. Only the relations R2 can refuse are listed (spouse, parents and children are
 * always near relatives within every scope).
 */
function relationInEnglish(relation: RelationKind, startsSentence = false): string {
  const named: Partial<Record<RelationKind, string>> = {
    sibling: 'a brother or sister',
    grandparent: 'a grandparent',
    grandchild: 'a grandchild',
    'parent-in-law': 'a parent-in-law',
    'child-in-law': 'a son- or daughter-in-law',
    'sibling-in-law': 'a brother- or sister-in-law',
    other: 'a relative of another kind',
  };
  const text = named[relation] ?? relation;
  return startsSentence ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** R3: the first month (`YYYY-MM`) in which the wallet is live in a pooling area. */
export function walletStart(geography: GeographyParameters, poolingArea: string, province: string): string {
  const r = geography.rollout;
  return r.byPoolingArea[poolingArea] ?? r.byProvince[province] ?? r.defaultStart;
}

/** The geography of a relationship: same pooling area, same province, or across provinces. */
export type Geography = 'same-pooling-area' | 'same-province' | 'cross-province';

/** The geography between two insured persons. */
export function geographyOf(a: Person, b: Person): Geography {
  if (a.poolingArea === b.poolingArea) return 'same-pooling-area';
  return a.province === b.province ? 'same-province' : 'cross-province';
}

/**
 * R3: whether sharing between these two persons' pooling areas is open in `month` (`YYYY-MM`).
 * The wallet rollout gates only cross-province sharing: within a pooling area and within a province
 * sharing ran through the local systems before the national wallet reached them.
 */
export function checkGeography(
  geography: GeographyParameters,
  sharer: Person,
  beneficiary: Person,
  month: string,
): Refusal | null {
  const kind = geographyOf(sharer, beneficiary);
  const open =
    kind === 'same-pooling-area'
      ? geography.samePoolingArea
      : kind === 'same-province'
        ? geography.sameProvince
        : geography.crossProvince;
  if (!open) {
    const [zh, en] = {
      'same-pooling-area': ['同一统筹地区内', 'Sharing within a pooling area'],
      'same-province': ['省内跨统筹地区', 'Sharing across pooling areas within a province'],
      'cross-province': ['跨省', 'Sharing across provinces'],
    }[kind];
    return refuse(
      'R3',
      'geography-closed',
      `本方案未开放${zh}共济（R3）。`,
      `${en} is not open in this scenario (R3).`,
    );
  }
  if (kind !== 'cross-province') return null;
  for (const p of [sharer, beneficiary]) {
    const start = walletStart(geography, p.poolingArea, p.province);
    if (month < start) {
      return refuse(
        'R3',
        'wallet-not-live',
        `统筹地区${p.poolingArea}的医保钱包自${start}起开通，${month}尚不能建立共济关系（R3）。`,
        `The wallet reaches pooling area ${p.poolingArea} in ${start}; no relationship can be set up there in ${month} (R3).`,
      );
    }
  }
  return null;
}
