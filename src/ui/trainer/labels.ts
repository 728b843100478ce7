/**
 * Names for what a story shows (账户与地点名称): accounts (`quota:li-na-father` → “李娜 → 李建国
 * 共济额度”), people and places, in the language asked for, read from the story file.
 */
import type { Story } from '../../scenario/storySchema';
import type { Lang } from '../../text/i18n';

const PAYEE: Readonly<Record<string, { zh: string; en: string }>> = {
  hospital: { zh: '定点医疗机构', en: 'designated hospital' },
  pharmacy: { zh: '定点药店', en: 'designated pharmacy' },
  'resident-contribution-collector': { zh: '居民医保征收方', en: 'resident contribution collector' },
  'ltc-contribution-collector': { zh: '长护险征收方', en: 'long-term-care contribution collector' },
};

/** The kind of an account, from its key prefix, for ordering and styling. */
export type AccountKind = 'account' | 'quota' | 'fund' | 'payee' | 'cash' | 'other';

/** The kind of an account key. */
export function accountKind(key: string): AccountKind {
  const kind = key.slice(0, key.indexOf(':'));
  return kind === 'account' || kind === 'quota' || kind === 'fund' || kind === 'payee' || kind === 'cash'
    ? kind
    : 'other';
}

const ORDER: readonly AccountKind[] = ['account', 'quota', 'fund', 'payee', 'cash', 'other'];

/** Sorts account keys as the table shows them: accounts, quotas, funds, payees, cash; by name within a kind. */
export function compareAccounts(a: string, b: string): number {
  const d = ORDER.indexOf(accountKind(a)) - ORDER.indexOf(accountKind(b));
  return d !== 0 ? d : a < b ? -1 : a > b ? 1 : 0;
}

/** Names of a story's people, places and accounts in one language. */
export class StoryLabels {
  constructor(
    readonly story: Story,
    readonly lang: Lang,
  ) {}

  /** A person's name. */
  person(id: string): string {
    return this.story.people.find((p) => p.id === id)?.name[this.lang] ?? id;
  }

  /** A province's or pooling area's name (the code when the story has none). */
  place(code: string): string {
    return this.story.places[code]?.[this.lang] ?? code;
  }

  /** A relationship as “sharer for beneficiary” (李娜为李建国 / Li Na for Li Jianguo). */
  relationship(id: string): string {
    const r = this.story.relationships.find((x) => x.id === id);
    if (!r) return id;
    const [a, b] = [this.person(r.sharer), this.person(r.beneficiary)];
    return this.lang === 'zh' ? `${a}为${b}` : `${a} for ${b}`;
  }

  /** The name of an account key. */
  account(key: string): string {
    const rest = key.slice(key.indexOf(':') + 1);
    const zh = this.lang === 'zh';
    switch (accountKind(key)) {
      case 'account':
        return zh
          ? `${this.person(rest)} 个人账户（可用）`
          : `${this.person(rest)}: personal account (spendable)`;
      case 'quota':
        return zh ? `共济额度（${this.relationship(rest)}）` : `Quota (${this.relationship(rest)})`;
      case 'fund':
        return zh ? `${this.place(rest)} 统筹基金` : `${this.place(rest)} fund`;
      case 'cash':
        return zh ? `${this.person(rest)} 现金` : `${this.person(rest)}: cash`;
      case 'payee': {
        const cut = rest.lastIndexOf(':');
        const what = PAYEE[rest.slice(0, cut)]?.[this.lang] ?? rest.slice(0, cut);
        const area = this.place(rest.slice(cut + 1));
        return `${area} ${what}`;
      }
      default:
        return key;
    }
  }
}
