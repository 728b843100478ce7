/**
 * Writes one person of a family into the columns (写入家庭成员): age, sex, places, then the scheme
 * (参保类型), retirement, wage, personal-account credit and balance, resident contribution and
 * long-term-care flag, drawing from the family's stream. Used only by the generator's loop, so it
 * keeps every model figure it needs in its own fields.
 */
import type { PopulationModel } from '../calibration';
import {
  allocateColumns,
  NOT_INSURED_AREA,
  NOT_INSURED_PROVINCE,
  PERSON_COLUMNS,
  type PersonColumns,
  SchemeCode,
} from '../columns';
import * as random from '../random';

// Local aliases keep module-interop getters out of the hot path (see generate.ts).
const { FamilyStream, TABLE_BITS } = random;
const TABLE_SHIFT = 32 - TABLE_BITS;
const ACCOUNT = SchemeCode.employeeAccount;
const POOLING_ONLY = SchemeCode.employeePoolingOnly;
const RESIDENT = SchemeCode.resident;
const UNINSURED = SchemeCode.uninsured;
const NO_PROVINCE = NOT_INSURED_PROVINCE;
const NO_AREA = NOT_INSURED_AREA;
const INT32_MAX = 2147483647;

/** Growable person columns plus the per-person attribute logic. */
export class FamilyWriter {
  cols: PersonColumns;
  capacity: number;
  /** Next free person slot. */
  pos = 0;
  /** The stream of the family being written. */
  readonly stream = new FamilyStream();
  readonly #retireAge: Int32Array;
  readonly #workingFrom: number;
  readonly #inService: number;
  readonly #retired: number;
  readonly #poolingOnly: number;
  readonly #resident: number;
  readonly #residentAtOrigin: number;
  readonly #contribution: number;
  readonly #ltc: Uint8Array;
  readonly #wageMean: Float64Array;
  readonly #floor: number;
  readonly #ceiling: number;
  readonly #creditPerMonth: number;
  readonly #retireeCredit: Int32Array;
  readonly #wageTable: Float64Array;
  readonly #saverTable: Float64Array;
  readonly #emptyShare: number;
  readonly #entryAge: number;
  readonly #balanceScale: number;

  constructor(model: PopulationModel, capacity: number) {
    const p = model.params;
    this.capacity = capacity;
    this.cols = allocateColumns(capacity);
    this.#retireAge = Int32Array.from([p.retirementAge.male, p.retirementAge.female]);
    this.#workingFrom = p.workingFromAge;
    this.#inService = model.inServiceRate;
    this.#retired = model.retiredRate;
    this.#poolingOnly = model.poolingOnlyShare;
    this.#resident = model.residentRate;
    this.#residentAtOrigin = p.migrantResidentAtOrigin;
    this.#contribution = p.residentContributionFen;
    this.#ltc = model.ltcArea;
    this.#wageMean = model.wageFen.map((w) => w * p.wage.meanRatio);
    this.#floor = p.wage.baseFloor;
    this.#ceiling = p.wage.baseCeiling;
    this.#creditPerMonth = p.inServiceCreditRate / 12;
    this.#retireeCredit = model.retireeCreditFen;
    this.#wageTable = model.wageTable;
    this.#saverTable = model.saverTable;
    this.#emptyShare = p.balance.emptyShare;
    this.#entryAge = p.balance.entryAge;
    this.#balanceScale = 12 * model.balanceScale;
  }

  /** Starts writing again from the first slot, keeping the columns (their old contents are overwritten). */
  reset(): void {
    this.pos = 0;
  }

  /** Makes room for `more` persons after `pos`, growing the columns by half when needed. */
  reserve(more: number): void {
    if (this.pos + more <= this.capacity) return;
    const next = Math.max(this.pos + more, Math.ceil(this.capacity * 1.5));
    const cols = allocateColumns(next);
    for (const name of PERSON_COLUMNS)
      (cols[name] as Uint8Array).set((this.cols[name] as Uint8Array).subarray(0, this.pos));
    this.cols = cols;
    this.capacity = next;
  }

  /**
   * Writes one person. `origin`/`originArea` are the family's hukou province and area; `atOrigin`
   * forces insurance there (grandparents living with a migrant child keep their home insurance).
   */
  person(
    family: number,
    role: number,
    branch: number,
    age: number,
    sex: number,
    origin: number,
    originArea: number,
    province: number,
    area: number,
    atOrigin: boolean,
  ): void {
    const c = this.cols;
    const st = this.stream;
    const k = this.pos++;
    if (age > 100) age = 100;
    c.familyId[k] = family;
    c.role[k] = role;
    c.branch[k] = branch;
    c.age[k] = age;
    c.sex[k] = sex;
    c.hukouProvince[k] = origin;
    c.residenceProvince[k] = province;
    c.residenceArea[k] = area;
    let insP = atOrigin ? origin : province;
    let insA = atOrigin ? originArea : area;

    const u = st.unit();
    let rate = 0;
    let retired = 0;
    if (age >= this.#retireAge[sex]!) {
      rate = this.#retired;
      retired = 1;
    } else if (age >= this.#workingFrom) {
      rate = this.#inService;
    }
    // Every column is written, zeros included, so that a recycled buffer needs no clearing.
    let scheme: number = UNINSURED;
    let wage = 0;
    let credit = 0;
    let balance = 0;
    let contribution = 0;
    if (u < rate) {
      const hasAccount = u >= rate * this.#poolingOnly;
      scheme = hasAccount ? ACCOUNT : POOLING_ONLY;
      if (retired === 0) {
        const avg = this.#wageMean[insP]!;
        wage = Math.min(INT32_MAX, random.roundHalfUp(avg * this.#wageTable[st.u32() >>> TABLE_SHIFT]!));
        if (hasAccount) {
          const base = Math.min(this.#ceiling * avg, Math.max(this.#floor * avg, wage));
          credit = random.roundHalfUp(this.#creditPerMonth * base);
        }
      } else if (hasAccount) {
        credit = this.#retireeCredit[insP]!;
      }
      if (hasAccount && st.unit() >= this.#emptyShare) {
        const years = age - this.#entryAge > 1 ? age - this.#entryAge : 1;
        balance = random.roundHalfUp(
          this.#balanceScale * credit * years * this.#saverTable[st.u32() >>> TABLE_SHIFT]!,
        );
      }
    } else {
      retired = 0;
      if (u - rate < this.#resident * (1 - rate)) {
        scheme = RESIDENT;
        contribution = this.#contribution;
        if (!atOrigin && province !== origin && st.unit() < this.#residentAtOrigin) {
          insP = origin;
          insA = originArea;
        }
      }
    }
    c.scheme[k] = scheme;
    c.retired[k] = retired;
    c.wageFen[k] = wage;
    c.monthlyCreditFen[k] = credit;
    c.balanceFen[k] = balance;
    c.residentContributionFen[k] = contribution;
    if (scheme === UNINSURED) {
      c.insuredProvince[k] = NO_PROVINCE;
      c.insuredArea[k] = NO_AREA;
      c.ltc[k] = 0;
    } else {
      c.insuredProvince[k] = insP;
      c.insuredArea[k] = insA;
      c.ltc[k] = this.#ltc[insA]!;
    }
  }
}
