/**
 * Behaviour parameters of the simulation engine (行为参数): how often families set up sharing
 * relationships (共济关系), how large a quota they choose, how often relatives fall ill and pay with
 * shared money, and how often relationships end. The policy does not fix these; each has a default
 * in the scenario file with a note on where it comes from (a published figure, or a model
 * assumption calibrated to the 2024 figures, see docs/engine-model.md).
 */

/** A value for each geography of a relationship (R3): same pooling area, same province, across provinces. */
export interface ByGeography {
  samePoolingArea: number;
  sameProvince: number;
  crossProvince: number;
}

/** A value for each age band: children under 15, adults 15–59, older people 60+. */
export interface ByAgeBand {
  child: number;
  adult: number;
  older: number;
}

/** A value for each insurance scheme a beneficiary may be in: employee or resident. */
export interface ByScheme {
  employee: number;
  resident: number;
}

/** Every behaviour parameter of a run. Rates are probabilities or expected counts; money is integer fen. */
export interface BehaviourParameters {
  uptake: {
    /** Share of eligible sharer → relative pairs already linked when the window starts (where open). */
    initialShare: ByGeography;
    /** Monthly probability that an unlinked eligible pair sets up a relationship, at full awareness. */
    monthlyRate: ByGeography;
    /** Probability that a bill or contribution of a relative with no relationship leads to one being set up. */
    onNeed: number;
    /** Months over which awareness of cross-province sharing grows from 0 to 1 after the wallet arrives. */
    awarenessMonths: number;
  };
  quota: {
    /** Share of the sharer's unearmarked balance set as the quota when a relationship is set up. */
    shareOfSpendable: number;
    /** Probability that a sharer raises the quota when a relative's bill exceeds it. */
    topUp: number;
    /** Probability that a sharer lowers quotas when their own bill exceeds the unearmarked balance. */
    releaseForOwnNeed: number;
  };
  ending: {
    /** Monthly probability that either side ends an active relationship by choice (R4). */
    voluntaryMonthly: number;
    /** Yearly probability that a party moves insurance to another pooling area (R6). */
    moveYearly: number;
    /** Yearly probability that a party leaves basic medical insurance (R6; deaths come from the survival table). */
    leaveYearly: number;
  };
  /** Account holders' own spending from the account, as a share of the monthly credit (R8). */
  ownSpendingShareOfCredit: number;
  care: {
    /** Outpatient bills a year that the family would pay with shared money, by age band. */
    outpatientPerYear: ByAgeBand;
    /** Mean outpatient bill, fen. */
    outpatientCostFen: number;
    /** Share of an outpatient bill that the fund pays. */
    outpatientFundShare: number;
    /** Pharmacy purchases a year that the family would pay with shared money, by age band. */
    pharmacyPerYear: ByAgeBand;
    /** Mean pharmacy purchase (paid in full by the person), fen. */
    pharmacyCostFen: number;
    /** Hospital stays a year per insured person, by scheme. */
    inpatientRate: ByScheme;
    /** Factor on the hospitalisation rate for people aged 60+ (children and adults get 1). */
    inpatientOlderFactor: number;
    /** Mean cost of a stay, fen, by scheme. */
    inpatientCostFen: ByScheme;
    /** Share of a stay's cost that the fund pays, by scheme. */
    inpatientFundShare: ByScheme;
    /** Share of hospital stays whose own share the family pays with shared money. */
    inpatientShared: number;
  };
  contributions: {
    /** Share of relatives' resident contributions paid with shared money when a relationship stands. */
    residentShared: number;
    /** Share of the year's contributions paid in each calendar month (12 values summing to 1). */
    monthWeights: readonly number[];
    /** Resident's yearly individual long-term-care contribution in pilot areas, fen. */
    ltcYearlyFen: number;
    /** Share of long-term-care contributions paid with shared money when a relationship stands. */
    ltcShared: number;
    /**
     * Yearly probability that a sharer pays, in the collection season, the resident contribution that
     * enrols an uninsured near relative (R2, where `enrolmentOfUninsured` is on); insured next year.
     */
    enrolmentUptake: number;
  };
}
