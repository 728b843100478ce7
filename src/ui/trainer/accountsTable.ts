/**
 * The accounts table (账户余额表): every account the story has used so far with its balance after
 * the current step and what the step changed, the changed rows highlighted. Accounts that fell to
 * zero (a used-up or returned quota) stay listed at zero.
 */
import { el } from '../dom';
import { formatFen } from '../../text/format';
import { accountKind, compareAccounts, type StoryLabels } from './labels';
import { trainerMessages as M } from './messages';

/** Balances by account key, in fen. */
export type Balances = Readonly<Record<string, number>>;

/** One row of the table: an account, its balance and the change the current step made. */
export interface AccountRow {
  account: string;
  balanceFen: number;
  changeFen: number;
}

/**
 * The rows for the balances `now` after a step and `before` it, over every account in `seen`
 * (the accounts used so far), in the table's order.
 */
export function accountRows(seen: Iterable<string>, before: Balances, now: Balances): AccountRow[] {
  const keys = new Set([...seen, ...Object.keys(before), ...Object.keys(now)]);
  return [...keys].sort(compareAccounts).map((account) => {
    const balanceFen = now[account] ?? 0;
    return { account, balanceFen, changeFen: balanceFen - (before[account] ?? 0) };
  });
}

/** Renders the table of `rows` into `host`. */
export function renderAccounts(host: HTMLElement, rows: readonly AccountRow[], labels: StoryLabels): void {
  const doc = host.ownerDocument;
  const lang = labels.lang;
  const signed = (fen: number) => (fen > 0 ? `+${formatFen(fen, lang)}` : formatFen(fen, lang));
  const body = rows.map((r) =>
    el(
      doc,
      'tr',
      {
        class: `kind-${accountKind(r.account)}${r.changeFen !== 0 ? ' changed' : ''}`,
        'data-account': r.account,
      },
      el(doc, 'th', { scope: 'row' }, labels.account(r.account)),
      el(doc, 'td', { class: 'num balance' }, formatFen(r.balanceFen, lang)),
      el(doc, 'td', { class: 'num change' }, r.changeFen === 0 ? '' : signed(r.changeFen)),
    ),
  );
  const total = rows.reduce((s, r) => s + r.balanceFen, 0);
  host.replaceChildren(
    el(doc, 'h3', { id: 'trainer-accounts-title' }, M.accounts[lang]),
    el(
      doc,
      'table',
      { class: 'accounts', 'aria-labelledby': 'trainer-accounts-title' },
      el(
        doc,
        'thead',
        {},
        el(
          doc,
          'tr',
          {},
          el(doc, 'th', { scope: 'col' }, M['accounts.account'][lang]),
          el(doc, 'th', { scope: 'col', class: 'num' }, M['accounts.balance'][lang]),
          el(doc, 'th', { scope: 'col', class: 'num' }, M['accounts.change'][lang]),
        ),
      ),
      el(doc, 'tbody', {}, ...body),
      el(
        doc,
        'tfoot',
        {},
        el(
          doc,
          'tr',
          {},
          el(doc, 'th', { scope: 'row' }, M['accounts.total'][lang]),
          el(doc, 'td', { class: 'num' }, formatFen(total, lang)),
          el(doc, 'td', {}),
        ),
      ),
    ),
    el(doc, 'p', { class: 'note' }, M['accounts.note'][lang]),
  );
}
