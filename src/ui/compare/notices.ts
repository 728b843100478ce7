/**
 * What Compare says went wrong (比较的提示): why the last click on Run or Download could not go ahead
 * (said at the Run button until the next run starts), what the address asked for that could not be
 * done (until the next run replaces the address), and under the progress bar why the runs failed or
 * stopped.
 */
import type { I18n } from '../../text/i18n';
import { el } from '../dom';
import { type AddressProblems, addressNoticeLines } from './addressNotice';
import { namedFields } from './editor';
import { type CompareMessageKey } from './messages';
import { fill } from '../placeholders';

/** Why a click could not go ahead: nothing chosen, or an edited copy with errors to run or download. */
export type Refusal = 'noneChosen' | 'refuse.run' | 'refuse.download';

/** A notice under the progress bar: a message, and what follows it (an error's own words). */
export interface RunMessage {
  key: CompareMessageKey;
  detail?: string;
}

/** Compare's notices, each an element of its own in the workspace. */
export interface Notices {
  /** At the Run button: why the last click could not go ahead. */
  refusal: HTMLElement;
  /** What the address asked for that could not be done. */
  address: HTMLElement;
  /** Under the progress bar: why the runs failed or stopped. */
  run: HTMLElement;
  /** Says `why` at the Run button (null: nothing). */
  refuse(why: Refusal | null): void;
  /** Says `message` under the progress bar (null: nothing). */
  say(message: RunMessage | null): void;
  /** Says under the progress bar that something failed, in the error's own words. */
  fail(error: unknown): void;
  /** Adds that `id` ran because nothing the address named could. */
  fellBackTo(id: string): void;
  /** Forgets what the address could not do (a run replaced the address). */
  forgetAddress(): void;
  /** Says everything again in the dictionary's current language. */
  relabel(): void;
}

/** Builds the notices; `problems` are the edited copy's fields with errors, named in a refusal. */
export function createNotices(
  doc: Document,
  i18n: I18n<CompareMessageKey>,
  problems: () => readonly string[],
  addressProblems: AddressProblems,
): Notices {
  const t = (key: CompareMessageKey): string => i18n.t(key);
  const refusal = el(doc, 'p', { class: 'run-status', role: 'alert' });
  const address = el(doc, 'div', { class: 'address-refused', role: 'alert' });
  const run = el(doc, 'p', { class: 'notice', role: 'alert' });
  let why: Refusal | null = null;
  let message: RunMessage | null = null;

  const renderRefusal = (): void => {
    const fields = namedFields(problems(), i18n.lang);
    refusal.textContent = why ? fill(t(why), { fields }) : '';
    refusal.hidden = why === null;
  };
  const renderAddress = (): void => {
    const lines = addressNoticeLines(addressProblems, t);
    address.replaceChildren(...lines.map((line) => el(doc, 'p', {}, line)));
    address.hidden = lines.length === 0;
  };
  const renderRun = (): void => {
    run.textContent = message ? `${t(message.key)}${message.detail ?? ''}` : '';
    run.hidden = message === null;
    run.className = `notice ${message?.key === 'cancelled' ? '' : 'failed'}`;
  };

  return {
    refusal,
    address,
    run,
    refuse(next) {
      why = next;
      renderRefusal();
    },
    say(next) {
      message = next;
      renderRun();
    },
    fail(error) {
      message = { key: 'failed', detail: error instanceof Error ? error.message : String(error) };
      renderRun();
    },
    fellBackTo(id) {
      addressProblems = { ...addressProblems, fellBackTo: id };
      renderAddress();
    },
    forgetAddress() {
      addressProblems = { ignored: [], refused: [], fellBackTo: null };
      renderAddress();
    },
    relabel() {
      renderRun();
      renderRefusal();
      renderAddress();
    },
  };
}
