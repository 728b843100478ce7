/**
 * The synthetic population as columns (人口列存储): a {@link PopulationChunk} holds a run of whole
 * families, one typed array per attribute (structure of arrays), so the engine reads people without
 * objects and chunks can be transferred to and from workers as plain buffers.
 */
import type { Scheme } from '../rules/types';

/** Role within the family (家庭角色). The near-relative links follow from role and branch (kinship.ts). */
export const Role = {
  /** Parent of the middle generation (祖辈). */
  grandparent: 0,
  /** Member of the middle generation, born into the family (子女辈). */
  sibling: 1,
  /** Spouse of a sibling, married in (配偶); their own parents and siblings live in other families. */
  spouse: 2,
  /** Child of a sibling and spouse (孙辈). */
  child: 3,
} as const;

/** Branch value of grandparents, who belong to no sibling's household. */
export const NO_BRANCH = 255;

/** Scheme codes, in the order of the rules' Scheme type: index = code. */
export const SCHEMES: readonly Scheme[] = [
  'employee-account',
  'employee-pooling-only',
  'resident',
  'uninsured',
];

/** Scheme codes by name. */
export const SchemeCode = {
  employeeAccount: 0,
  employeePoolingOnly: 1,
  resident: 2,
  uninsured: 3,
} as const;

/** Insured province and pooling area of someone who is not insured. */
export const NOT_INSURED_PROVINCE = 255;
/** Insured pooling area of someone who is not insured. */
export const NOT_INSURED_AREA = 65535;

/** The attribute columns of a chunk, one entry per person. */
export interface PersonColumns {
  /** Family index i (the family is a pure function of the seed and i). */
  familyId: Uint32Array;
  /** {@link Role} code. */
  role: Uint8Array;
  /** Which sibling's household (0..MAX_SIBLINGS−1) a sibling, spouse or child belongs to; NO_BRANCH for grandparents. */
  branch: Uint8Array;
  /** Age in whole years (capped at 100). */
  age: Uint8Array;
  /** 0 male, 1 female. */
  sex: Uint8Array;
  /** Province of household registration (户籍地), index into the provinces table. */
  hukouProvince: Uint8Array;
  /** Province of residence (居住地), index into the provinces table. */
  residenceProvince: Uint8Array;
  /** Pooling area of residence, index into the pooling-area table. */
  residenceArea: Uint16Array;
  /** Province of insurance (参保地); NOT_INSURED_PROVINCE when uninsured. */
  insuredProvince: Uint8Array;
  /** Pooling area of insurance (参保统筹地区); NOT_INSURED_AREA when uninsured. */
  insuredArea: Uint16Array;
  /** Scheme code, index into {@link SCHEMES}. */
  scheme: Uint8Array;
  /** 1 for a retired employee (退休), 0 for an in-service employee or anyone not in the employee scheme. */
  retired: Uint8Array;
  /** Yearly wage of an in-service employee, in fen; 0 otherwise. */
  wageFen: Int32Array;
  /** Monthly personal-account credit under the 2021 rules (个人账户月划入), in fen; 0 without an account. */
  monthlyCreditFen: Int32Array;
  /** Personal-account balance (个人账户余额) at the start, in fen; 0 without an account. */
  balanceFen: Float64Array;
  /** Resident-insurance contribution due for the year (居民医保个人缴费), in fen; 0 outside that scheme. */
  residentContributionFen: Int32Array;
  /** 1 when the insured pooling area runs long-term-care insurance (长期护理保险). */
  ltc: Uint8Array;
}

/** Names of the person columns, in layout order. */
export const PERSON_COLUMNS = [
  'familyId',
  'role',
  'branch',
  'age',
  'sex',
  'hukouProvince',
  'residenceProvince',
  'residenceArea',
  'insuredProvince',
  'insuredArea',
  'scheme',
  'retired',
  'wageFen',
  'monthlyCreditFen',
  'balanceFen',
  'residentContributionFen',
  'ltc',
] as const satisfies readonly (keyof PersonColumns)[];

/** A run of whole families at one scale, in columns. */
export interface PopulationChunk extends PersonColumns {
  /** Scale 1:k: each simulated family stands for `weight` = k families. */
  weight: number;
  /** Position of the first family in the 1:k sample (its family index is position × k). */
  firstPosition: number;
  /** Number of families in the chunk. */
  familyCount: number;
  /** Number of persons in the chunk (the length of every person column). */
  personCount: number;
  /** Offsets of each family's first person, plus the end: length familyCount + 1. */
  familyStart: Uint32Array;
}

/** Element size of each person column, in layout order. */
const COLUMN_BYTES: Readonly<Record<keyof PersonColumns, number>> = {
  familyId: 4,
  role: 1,
  branch: 1,
  age: 1,
  sex: 1,
  hukouProvince: 1,
  residenceProvince: 1,
  residenceArea: 2,
  insuredProvince: 1,
  insuredArea: 2,
  scheme: 1,
  retired: 1,
  wageFen: 4,
  monthlyCreditFen: 4,
  balanceFen: 8,
  residentContributionFen: 4,
  ltc: 1,
};

/** Bytes one person takes across all person columns. */
export const BYTES_PER_PERSON = PERSON_COLUMNS.reduce((sum, name) => sum + COLUMN_BYTES[name], 0);

/**
 * Allocates zero-filled person columns for `capacity` persons, all in one buffer (one allocation,
 * one transferable), widest columns first so that every view is aligned.
 */
export function allocateColumns(capacity: number): PersonColumns {
  const cap = Math.ceil(capacity / 8) * 8;
  const buffer = new ArrayBuffer(cap * BYTES_PER_PERSON);
  let offset = 0;
  const take = (name: keyof PersonColumns): number => {
    const at = offset;
    offset += cap * COLUMN_BYTES[name];
    return at;
  };
  const order = [...PERSON_COLUMNS].sort((a, b) => COLUMN_BYTES[b] - COLUMN_BYTES[a]);
  const at = Object.fromEntries(order.map((name) => [name, take(name)])) as Record<
    keyof PersonColumns,
    number
  >;
  return {
    familyId: new Uint32Array(buffer, at.familyId, capacity),
    role: new Uint8Array(buffer, at.role, capacity),
    branch: new Uint8Array(buffer, at.branch, capacity),
    age: new Uint8Array(buffer, at.age, capacity),
    sex: new Uint8Array(buffer, at.sex, capacity),
    hukouProvince: new Uint8Array(buffer, at.hukouProvince, capacity),
    residenceProvince: new Uint8Array(buffer, at.residenceProvince, capacity),
    residenceArea: new Uint16Array(buffer, at.residenceArea, capacity),
    insuredProvince: new Uint8Array(buffer, at.insuredProvince, capacity),
    insuredArea: new Uint16Array(buffer, at.insuredArea, capacity),
    scheme: new Uint8Array(buffer, at.scheme, capacity),
    retired: new Uint8Array(buffer, at.retired, capacity),
    wageFen: new Int32Array(buffer, at.wageFen, capacity),
    monthlyCreditFen: new Int32Array(buffer, at.monthlyCreditFen, capacity),
    balanceFen: new Float64Array(buffer, at.balanceFen, capacity),
    residentContributionFen: new Int32Array(buffer, at.residentContributionFen, capacity),
    ltc: new Uint8Array(buffer, at.ltc, capacity),
  };
}

/** Views of the first `count` persons of `from` (no copy; they share its buffer). */
export function headColumns(from: PersonColumns, count: number): PersonColumns {
  const out = {} as Record<keyof PersonColumns, PersonColumns[keyof PersonColumns]>;
  for (const name of PERSON_COLUMNS) out[name] = from[name].subarray(0, count);
  return out as unknown as PersonColumns;
}

/** Copies the first `count` persons of `from` into fresh, exactly sized columns in one buffer. */
export function compactColumns(from: PersonColumns, count: number): PersonColumns {
  const out = allocateColumns(count);
  for (const name of PERSON_COLUMNS)
    (out[name] as Uint8Array).set((from[name] as Uint8Array).subarray(0, count));
  return out;
}

/** Bytes of memory a chunk holds: its buffers (person columns with any spare room, family offsets). */
export function chunkBytes(chunk: PopulationChunk): number {
  return chunkBuffers(chunk).reduce((sum, b) => sum + b.byteLength, 0);
}

/** The distinct buffers of a chunk, e.g. for Comlink.transfer to or from a worker. */
export function chunkBuffers(chunk: PopulationChunk): ArrayBufferLike[] {
  return [...new Set([...PERSON_COLUMNS.map((name) => chunk[name].buffer), chunk.familyStart.buffer])];
}
