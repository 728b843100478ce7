/**
 * What the Compare workspace says about its address (地址提示): the scenarios, scale, baseline,
 * replications and edited-copy base it could not use and what ran instead, and the `set=` changes it refused, one line each (at
 * most {@link NOTICE_SHOWN} of each kind, then a count). Pure: texts in, lines out.
 */
import { DEFAULT_SCALE, SCALES } from '../../runtime/scales';
import { COMPARE_REPLICATIONS, type IgnoredValue, type RefusedSetting } from './address';
import { type CompareMessageKey } from './messages';
import { fill } from '../placeholders';

/** The lines of each kind an address notice shows at most; the rest are counted. */
export const NOTICE_SHOWN = 10;

/** What the address asked for that did not happen as asked. */
export interface AddressProblems {
  ignored: readonly IgnoredValue[];
  refused: readonly RefusedSetting[];
  /** The scenario that ran because none of the address's could, or null. */
  fellBackTo: string | null;
}

/** The line for one ignored value. */
function ignoredLine(x: IgnoredValue, t: (key: CompareMessageKey) => string): string {
  switch (x.param) {
    case 'run':
      return fill(t('address.unknownRun'), { id: x.value });
    case 'edit':
      return fill(t('address.unknownBase'), { id: x.value });
    case 'scale':
      return fill(t('address.badScale'), {
        value: x.value,
        scales: SCALES.join(', '),
        k: String(DEFAULT_SCALE),
      });
    case 'baseline':
      return fill(t('address.badBaseline'), { value: x.value });
    case 'reps':
      return fill(t('address.badReplications'), {
        value: x.value,
        allowed: COMPARE_REPLICATIONS.join(', '),
      });
  }
}

/** The notice's lines in the language of `t`; none when the address was used as it was. */
export function addressNoticeLines(
  problems: AddressProblems,
  t: (key: CompareMessageKey) => string,
): string[] {
  const { ignored, refused, fellBackTo } = problems;
  const lines = ignored.slice(0, NOTICE_SHOWN).map((x) => ignoredLine(x, t));
  if (ignored.length > NOTICE_SHOWN)
    lines.push(fill(t('address.moreIgnored'), { n: String(ignored.length - NOTICE_SHOWN) }));
  if (fellBackTo !== null) lines.push(fill(t('address.fallback'), { id: fellBackTo }));
  lines.push(
    ...refused
      .slice(0, NOTICE_SHOWN)
      .map(({ path, reason }) =>
        fill(t(reason === 'unknown-path' ? 'address.unknownPath' : 'address.badValue'), { path }),
      ),
  );
  if (refused.length > NOTICE_SHOWN)
    lines.push(fill(t('address.more'), { n: String(refused.length - NOTICE_SHOWN) }));
  return lines;
}
