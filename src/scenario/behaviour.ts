/**
 * The `behaviour` section of a scenario (行为参数): how families take up sharing, choose quotas, fall
 * ill and pay, and end relationships. Each leaf says its unit and range; the scenario file's notes
 * say where each value comes from (a published figure, or a model assumption and what it was
 * calibrated to). Built by schema.ts, which hands in its help and check helpers.
 */
import { z } from 'zod';
import type { BehaviourParameters } from '../engine/behaviour';
import type { Refinement } from './schema';

type Help = <S extends z.ZodType>(schema: S, en: string, zh: string) => S;

/**
 * The schema of the behaviour section, given schema.ts's `help` and its cross-field check for the
 * month weights (which runs the sum only on a list of numbers).
 */
export function behaviourSchema(
  help: Help,
  monthWeightsCheck: (sumsToOne: (weights: number[]) => boolean) => Refinement<number[]>,
) {
  const share = (en: string, zh: string) =>
    help(z.number().min(0).max(1), `a share from 0 to 1 (${en})`, `0 至 1 之间的比例（${zh}）`);
  const perYear = (en: string, zh: string) =>
    help(
      z.number().min(0).max(60),
      `a number of events a year, 0 to 60 (${en})`,
      `每年次数，0 至 60（${zh}）`,
    );
  const fen = (en: string, zh: string) =>
    help(
      z.number().int().min(0).max(100_000_000),
      `a whole number of fen, 0 to 100,000,000 (${en})`,
      `整数，单位为分，0 至 100,000,000（${zh}）`,
    );
  const byGeography = (en: string, zh: string) =>
    z.strictObject({
      samePoolingArea: share(`${en}, same pooling area`, `${zh}，同一统筹地区`),
      sameProvince: share(`${en}, other pooling area of the province`, `${zh}，省内其他统筹地区`),
      crossProvince: share(`${en}, across provinces`, `${zh}，跨省`),
    });
  const byAge = (en: string, zh: string) =>
    z.strictObject({
      child: perYear(`${en}, children under 15`, `${zh}，15岁以下儿童`),
      adult: perYear(`${en}, ages 15–59`, `${zh}，15–59岁`),
      older: perYear(`${en}, ages 60 and over`, `${zh}，60岁及以上`),
    });
  const schemes = <S extends z.ZodType>(make: (en: string, zh: string) => S, en: string, zh: string) =>
    z.strictObject({
      employee: make(`${en}, employee insured`, `${zh}，职工医保参保人`),
      resident: make(`${en}, resident insured`, `${zh}，城乡居民医保参保人`),
    });
  return z.strictObject({
    uptake: z.strictObject({
      initialShare: byGeography(
        'share of eligible sharer → relative pairs already linked when the window starts',
        '模拟开始时已建立共济关系的可共济亲属对比例',
      ),
      monthlyRate: byGeography(
        'monthly probability that an unlinked eligible pair sets up a relationship, at full awareness',
        '尚未建立关系的可共济亲属对每月建立关系的概率（知晓度为1时）',
      ),
      onNeed: share(
        'probability that a bill or contribution of a relative with no relationship leads to one',
        '无共济关系的亲属发生费用或缴费时建立关系的概率',
      ),
      awarenessMonths: help(
        z.number().int().min(0).max(120),
        'a whole number of months, 0 to 120, over which awareness of cross-province sharing grows to 1 after the wallet arrives (0: at once)',
        '医保钱包开通后跨省共济知晓度升至1所需的月数，0 至 120 的整数（0 表示立即）',
      ),
    }),
    quota: z.strictObject({
      shareOfSpendable: share(
        "share of the sharer's unearmarked balance set as the first quota",
        '共济人首次设定额度占其未冻结余额的比例',
      ),
      topUp: share(
        "probability that the sharer raises the quota when a relative's bill exceeds it",
        '亲属费用超过额度时共济人调增额度的概率',
      ),
      releaseForOwnNeed: share(
        'probability that the sharer lowers quotas when their own bill exceeds the unearmarked balance',
        '本人费用超过未冻结余额时共济人调减额度的概率',
      ),
    }),
    ending: z.strictObject({
      voluntaryMonthly: share(
        'monthly probability that an active relationship is ended by choice (R4)',
        '共济关系每月被主动解除的概率（R4）',
      ),
      moveYearly: share(
        'yearly probability that a party moves insurance to another pooling area (R6)',
        '当事人每年将参保关系转移到其他统筹地区的概率（R6）',
      ),
      leaveYearly: share(
        'yearly probability that a party leaves basic medical insurance (R6)',
        '当事人每年退出基本医疗保险的概率（R6）',
      ),
    }),
    ownSpendingShareOfCredit: help(
      z.number().min(0).max(5),
      "account holders' own monthly spending from the account as a multiple of the monthly credit, 0 to 5 (R8)",
      '个人账户本人每月支出相当于当月划入额的倍数，0 至 5（R8）',
    ),
    care: z.strictObject({
      outpatientPerYear: byAge(
        'outpatient bills a year the family would pay with shared money',
        '每年可用共济资金支付的门诊次数',
      ),
      outpatientCostFen: fen('mean outpatient bill', '门诊次均费用'),
      outpatientFundShare: share('share of an outpatient bill paid by the fund', '门诊费用中基金支付比例'),
      pharmacyPerYear: byAge(
        'pharmacy purchases a year the family would pay with shared money',
        '每年可用共济资金支付的药店购药次数',
      ),
      pharmacyCostFen: fen(
        'mean pharmacy purchase, paid in full by the person',
        '药店次均购药费用（个人全额负担）',
      ),
      inpatientRate: schemes(
        (en, zh) => share(en, zh),
        'hospital stays a year per insured person',
        '每名参保人每年住院次数',
      ),
      inpatientOlderFactor: help(
        z.number().min(0).max(10),
        'a factor from 0 to 10 on the hospitalisation rate of people aged 60 and over',
        '60岁及以上人员住院率的倍数，0 至 10',
      ),
      inpatientCostFen: schemes((en, zh) => fen(en, zh), 'mean cost of a hospital stay', '次均住院费用'),
      inpatientFundShare: schemes(
        (en, zh) => share(en, zh),
        "share of a stay's cost paid by the fund",
        '住院费用中基金支付比例',
      ),
      inpatientShared: share(
        'share of hospital stays whose own share the family pays with shared money',
        '个人负担部分用共济资金支付的住院比例',
      ),
    }),
    contributions: z.strictObject({
      residentShared: share(
        "share of relatives' resident contributions paid with shared money when a relationship stands",
        '有共济关系时用共济资金缴纳居民医保个人缴费的比例',
      ),
      monthWeights: help(
        z
          .array(z.number().min(0).max(1))
          .length(12)
          .refine(...monthWeightsCheck((w) => Math.abs(w.reduce((s, x) => s + x, 0) - 1) < 1e-6)),
        '12 shares (January to December), each 0 to 1 and summing to 1: when in the year contributions are paid',
        '12个比例（1月至12月），每个在 0 至 1 之间且合计为 1：一年中各月缴费的比例',
      ),
      ltcYearlyFen: fen(
        "a resident's yearly individual long-term-care contribution",
        '居民每年长期护理保险个人缴费',
      ),
      ltcShared: share(
        'share of long-term-care contributions paid with shared money when a relationship stands',
        '有共济关系时用共济资金缴纳长期护理保险个人缴费的比例',
      ),
      enrolmentUptake: share(
        'yearly probability that a sharer pays the resident contribution that enrols an uninsured near relative, where enrolment is open (R2)',
        '在开放为未参保亲属缴费参保时，共济人每年为一名未参保近亲属缴纳居民医保个人缴费的概率（R2）',
      ),
    }),
  });
}

/** The behaviour section as JSON. */
export type ScenarioBehaviour = z.infer<ReturnType<typeof behaviourSchema>>;

/** The engine's behaviour parameters from a validated behaviour section (a deep copy). */
export function toBehaviourParameters(b: ScenarioBehaviour): BehaviourParameters {
  return {
    uptake: {
      initialShare: { ...b.uptake.initialShare },
      monthlyRate: { ...b.uptake.monthlyRate },
      onNeed: b.uptake.onNeed,
      awarenessMonths: b.uptake.awarenessMonths,
    },
    quota: { ...b.quota },
    ending: { ...b.ending },
    ownSpendingShareOfCredit: b.ownSpendingShareOfCredit,
    care: {
      ...b.care,
      outpatientPerYear: { ...b.care.outpatientPerYear },
      pharmacyPerYear: { ...b.care.pharmacyPerYear },
      inpatientRate: { ...b.care.inpatientRate },
      inpatientCostFen: { ...b.care.inpatientCostFen },
      inpatientFundShare: { ...b.care.inpatientFundShare },
    },
    contributions: { ...b.contributions, monthWeights: [...b.contributions.monthWeights] },
  };
}
