/** Rule parameters and people shared by the rules tests. */
import {
  parseStamp,
  type Person,
  type RelationKind,
  type RuleParameters,
  type SharingBook,
} from '../../src/rules';

/**
 * The 2026 national notice as the rules read it: near relatives (and the enrolment of uninsured ones),
 * all geographies, virtual quotas, no limits.
 */
export function rules2026(overrides: Partial<RuleParameters> = {}): RuleParameters {
  return {
    relativeScope: 'near-relatives',
    enrolmentOfUninsured: true,
    geography: {
      samePoolingArea: true,
      sameProvince: true,
      crossProvince: true,
      rollout: { defaultStart: '2026-01', byProvince: {}, byPoolingArea: {} },
    },
    quotaLimits: { maxChangeFen: null, maxQuotaFen: null, maxChangesPerDay: null, quietHours: null },
    quotaModel: 'virtual-quota',
    permittedUses: ['medical', 'pharmacy', 'resident-contribution', 'ltc-contribution'],
    paymentOrder: { ownAccount: 'first', quotaOrder: 'oldest-first' },
    ...overrides,
  };
}

/** The 2025 wallet pilot's limits: 3 transfers a day, 2,000 yuan each, none 22:00–06:00. */
export const PILOT_LIMITS: RuleParameters['quotaLimits'] = {
  maxChangeFen: 200_000,
  maxQuotaFen: null,
  maxChangesPerDay: 3,
  quietHours: { startMinute: 22 * 60, endMinute: 6 * 60 },
};

/** Suzhou (苏州, 320500), Jiangsu. */
export const SUZHOU = { poolingArea: '320500', province: '32' };
/** Nanjing (南京, 320100), Jiangsu. */
export const NANJING = { poolingArea: '320100', province: '32' };
/** Zhengzhou (郑州, 410100), Henan. */
export const ZHENGZHOU = { poolingArea: '410100', province: '41' };

/** A person with a scheme and a place. */
export function person(
  id: string,
  scheme: Person['scheme'],
  place: { poolingArea: string; province: string },
  name?: string,
): Person {
  return { id, scheme, ...place, ...(name ? { name } : {}) };
}

/** Sets up a relationship with both sides' consent and returns its id; throws the refusal's English message. */
export function share(
  book: SharingBook,
  sharerId: string,
  beneficiaryId: string,
  relation: RelationKind,
  when: string,
): string {
  const r = book.establish({
    sharerId,
    beneficiaryId,
    relation,
    at: parseStamp(when),
    consent: { sharer: true, beneficiary: true },
  });
  if (!r.ok) throw new Error(r.message.en);
  return r.relationshipId;
}
