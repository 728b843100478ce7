/**
 * Failure texts with their reason (带原因的失败说明): "what failed: reason / 中文：原因". A reason
 * already written in both languages ("English / 中文") is split at its first " / ", so each
 * language says it once; any other reason is repeated in both halves.
 */
import type { Message } from './i18n';

/** `what` in each language followed by the reason `cause` gives (an Error's message, or its text). */
export function withReason(what: Message, cause: unknown): string {
  const why = cause instanceof Error ? cause.message : String(cause);
  const split = why.indexOf(' / ');
  const [en, zh] = split < 0 ? [why, why] : [why.slice(0, split), why.slice(split + 3)];
  return `${what.en}: ${en} / ${what.zh}：${zh}`;
}
