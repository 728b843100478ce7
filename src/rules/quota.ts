/**
 * Setting and changing a quota (共济额度): R7 (limits; never above the unearmarked balance) and R9
 * (under wallet-transfer the money moves to the relative and cannot be taken back by lowering).
 */
import { fenAsYuan } from './money';
import type { QuotaLimits, QuotaModel } from './parameters';
import { refuse, type Refusal } from './refusal';

/** What the quota decision needs to know, all in fen and minutes. */
export interface QuotaChangeRequest {
  /** The relationship's quota now. */
  currentQuotaFen: number;
  /** The quota the sharer asks for. */
  requestedQuotaFen: number;
  /** The sharer's balance outside all quotas (R8). */
  spendableFen: number;
  /** Quota changes the sharer has already made today. */
  changesToday: number;
  /** Minutes after midnight, Beijing time. */
  minuteOfDay: number;
}

/** An allowed change: how much moves into (positive) or out of (negative) the quota. Zero is a no-op. */
export interface QuotaChange {
  ok: true;
  deltaFen: number;
}

/** True when `minute` falls in the quiet hours (which may wrap past midnight). */
export function inQuietHours(quiet: QuotaLimits['quietHours'], minute: number): boolean {
  if (!quiet) return false;
  const { startMinute: s, endMinute: e } = quiet;
  return s <= e ? minute >= s && minute < e : minute >= s || minute < e;
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** R7 and R9: may the sharer set this relationship's quota to the requested amount? */
export function decideQuotaChange(
  limits: QuotaLimits,
  model: QuotaModel,
  req: QuotaChangeRequest,
): QuotaChange | Refusal {
  const { currentQuotaFen: cur, requestedQuotaFen: want } = req;
  if (!Number.isSafeInteger(want) || want < 0) {
    return refuse(
      'R7',
      'invalid-amount',
      '共济额度须为不小于零的金额（以分计）（R7）。',
      'A quota must be a whole, non-negative amount of fen (R7).',
    );
  }
  const delta = want - cur;
  if (delta === 0) return { ok: true, deltaFen: 0 };
  if (model === 'wallet-transfer' && delta < 0) {
    return refuse(
      'R9',
      'transfer-irreversible',
      '钱包划转模式下，已划入亲属钱包的资金不能通过调低额度收回（R9）。',
      'Under wallet transfers, money already moved into the relative’s wallet cannot be taken back by lowering it (R9).',
    );
  }
  if (inQuietHours(limits.quietHours, req.minuteOfDay)) {
    const q = limits.quietHours!;
    return refuse(
      'R7',
      'quiet-hours',
      `${hhmm(q.startMinute)}至${hhmm(q.endMinute)}不能设置或调整共济额度（R7）。`,
      `Quotas cannot be set or changed between ${hhmm(q.startMinute)} and ${hhmm(q.endMinute)} (R7).`,
    );
  }
  if (limits.maxChangesPerDay !== null && req.changesToday >= limits.maxChangesPerDay) {
    return refuse(
      'R7',
      'too-many-changes',
      `每天最多调整共济额度${limits.maxChangesPerDay}次，今天的次数已用完（R7）。`,
      `At most ${limits.maxChangesPerDay} quota changes a day; today's are used up (R7).`,
    );
  }
  if (limits.maxChangeFen !== null && Math.abs(delta) > limits.maxChangeFen) {
    return refuse(
      'R7',
      'change-too-large',
      `单次调整不能超过${fenAsYuan(limits.maxChangeFen)}元，本次为${fenAsYuan(Math.abs(delta))}元（R7）。`,
      `A single change may not exceed ${fenAsYuan(limits.maxChangeFen)} yuan; this one is ${fenAsYuan(Math.abs(delta))} yuan (R7).`,
    );
  }
  if (limits.maxQuotaFen !== null && want > limits.maxQuotaFen) {
    return refuse(
      'R7',
      'quota-too-large',
      `共济额度不能超过${fenAsYuan(limits.maxQuotaFen)}元（R7）。`,
      `A quota may not exceed ${fenAsYuan(limits.maxQuotaFen)} yuan (R7).`,
    );
  }
  if (delta > req.spendableFen) {
    return refuse(
      'R7',
      'quota-exceeds-balance',
      `额度需再冻结${fenAsYuan(delta)}元，但个人账户未冻结余额只有${fenAsYuan(req.spendableFen)}元（R7）。`,
      `The quota would need ${fenAsYuan(delta)} yuan more, but only ${fenAsYuan(req.spendableFen)} yuan of the account is not yet earmarked (R7).`,
    );
  }
  return { ok: true, deltaFen: delta };
}
