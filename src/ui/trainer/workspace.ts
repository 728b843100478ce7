/**
 * The Trainer workspace (培训演示): pick a training story, then step, play, go back or restart. Each
 * step shows its narration, its postings with rule ids and explanations (or its refusal), the
 * accounts table with the changed rows highlighted, and the clearing chain for money that crosses
 * pooling areas. Every view of step n is computed by replaying the story's first n steps on a fresh
 * book, so going back is exact. The story and step live in the address (`?story=…&step=…`).
 * Beside the stories, a family from the simulation: a real family of the synthetic population run
 * through the engine for the baseline year, shown step by step from its trace (`?story=simulated&family=…`).
 */
import type { LoadedStory } from '../../scenario/storyParse';
import { openingBalances, playStory, type StoryFrame } from '../../scenario/storyRun';
import { el } from '../dom';
import type { Lang } from '../../text/i18n';
import type { WorkspaceContext, WorkspaceView } from '../view';
import { accountRows, renderAccounts } from './accountsTable';
import { placePath, readFamily, readPlace, readStep, type TrainerPlace } from './address';
import { renderCast } from './cast';
import { debtPairs, renderChain } from './chain';
import { createControls, SPEEDS, type Speed } from './controls';
import { FamilySource, type ShownFamily } from './familySource';
import { renderFamilyStep } from './familyStepView';
import { SIMULATED_ID as SIM } from './familyStory';
import { StoryLabels } from './labels';
import { fill, trainerMessages as M } from './messages';
import { familyDebts } from './simulatedFamily';
import { renderStep } from './stepView';
import { bundledStories } from './stories';
import './trainer.css';

/**
 * Mounts the Trainer workspace into its panel (a {@link WorkspaceFactory}); it follows the shell's
 * language. When a bundled story file is bad, the panel shows its errors (and the console reports
 * them) instead.
 */
export function mountTrainer(ctx: WorkspaceContext): WorkspaceView {
  let stories: readonly LoadedStory[];
  try {
    stories = bundledStories();
  } catch (error) {
    return mountBroken(ctx, error);
  }
  return mountStories(ctx, stories);
}

/** The panel of a trainer whose story files do not validate: the title and every error. */
function mountBroken({ panel, i18n }: WorkspaceContext, error: unknown): WorkspaceView {
  const doc = panel.ownerDocument;
  const text = error instanceof Error ? error.message : String(error);
  console.error(text);
  const heading = el(doc, 'h2', {});
  const note = el(doc, 'p', { class: 'status' });
  const render = (lang: Lang) => {
    heading.textContent = M.title[lang];
    note.textContent = M.broken[lang];
  };
  panel.replaceChildren(heading, note, el(doc, 'pre', { class: 'story-errors' }, text));
  render(i18n.lang);
  return { relabel: render };
}

/** The working trainer over validated stories. */
function mountStories(
  { panel, i18n, win, services }: WorkspaceContext,
  stories: readonly LoadedStory[],
): WorkspaceView {
  const doc = panel.ownerDocument;
  const byId = new Map(stories.map((s) => [s.story.id, s]));
  const source = new FamilySource(() => services.runs.population());
  /** The simulated family shown (null before it is found), whether a search is going on, and why none is shown. */
  let family: ShownFamily | null = null;
  let searching = false;
  let missing: { count: number } | null = null;
  let token = 0;
  const stepsOf = (id: string) =>
    id === SIM ? (family?.steps.length ?? 0) : (byId.get(id)?.story.steps.length ?? 0);
  let place: TrainerPlace = readPlace(win.location.search, [...byId.keys(), SIM], stepsOf);
  let playing = false;
  let speed: Speed = 'normal';
  let timer: number | undefined;

  const current = (): LoadedStory => byId.get(place.story)!;

  const heading = el(doc, 'h2', {});
  const intro = el(doc, 'p', { class: 'audience' });
  const pickerLabel = el(doc, 'label', { for: 'trainer-story' });
  const picker = el(doc, 'select', { id: 'trainer-story' });
  for (const s of stories) picker.append(el(doc, 'option', { value: s.story.id }));
  picker.append(el(doc, 'option', { value: SIM }));
  const another = el(doc, 'button', { type: 'button', class: 'trainer-button', 'data-action': 'another' });
  const description = el(doc, 'p', { class: 'story-description' });
  const castHost = el(doc, 'div', { class: 'trainer-cast' });
  const keysHint = el(doc, 'p', { class: 'keys-hint' });
  const stepHost = el(doc, 'section', { class: 'trainer-step', 'aria-live': 'polite' });
  const accountsHost = el(doc, 'section', { class: 'trainer-accounts' });
  const chainHost = el(doc, 'section', { class: 'trainer-chain' });

  const stop = () => {
    playing = false;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
  };
  const go = (step: number) => {
    place = { ...place, step: Math.max(0, Math.min(step, stepsOf(place.story))) };
    render();
  };
  const schedule = () => {
    if (!playing) return;
    timer = win.setTimeout(() => {
      timer = undefined;
      go(place.step + 1);
      if (place.step < stepsOf(place.story)) schedule();
      else {
        stop();
        render();
      }
    }, SPEEDS[speed]);
  };

  const controls = createControls(doc, {
    restart: () => {
      stop();
      go(0);
    },
    back: () => {
      stop();
      go(place.step - 1);
    },
    step: () => {
      stop();
      go(place.step + 1);
    },
    togglePlay: () => {
      if (playing) stop();
      else {
        playing = place.step < stepsOf(place.story);
        schedule();
      }
      render();
    },
    speed: (s) => {
      speed = s;
      if (playing) {
        if (timer !== undefined) win.clearTimeout(timer);
        schedule();
      }
      render();
    },
  });

  /** Shows the family with `index`, or else the next one worth showing from `start`; then goes to `step`. */
  const showFamily = (start: number, index: number | null, step: number) => {
    const mine = ++token;
    stop();
    family = null;
    missing = null;
    searching = true;
    place = { story: SIM, step: 0 };
    render(false);
    const pause = () =>
      new Promise<void>((resolve, reject) =>
        win.setTimeout(() => (mine === token ? resolve() : reject(new Error('search replaced'))), 0),
      );
    const limit = 20_000;
    win.setTimeout(() => {
      void (async () => {
        try {
          const named = index === null ? null : source.at(index);
          const f = named ?? (await source.next(start, { pause, limit }));
          if (mine !== token) return;
          family = f;
          missing = f ? null : { count: limit };
        } catch (error) {
          if (mine !== token) return;
          missing = { count: 0 };
          console.error(error);
        }
        searching = false;
        if (place.story !== SIM) return;
        place = {
          story: SIM,
          step: Math.min(step, stepsOf(SIM)),
          ...(family ? { family: family.trace.familyIndex } : {}),
        };
        render();
      })();
    }, 0);
  };

  picker.addEventListener('change', () => {
    stop();
    if (picker.value !== SIM) {
      place = { story: picker.value, step: 0 };
      render();
    } else if (family) {
      place = { story: SIM, step: 0, family: family.trace.familyIndex };
      render();
    } else if (!searching) showFamily(0, null, 0);
  });
  another.addEventListener('click', () => showFamily((family?.position ?? -1) + 1, null, 0));

  /** Draws the current place; `write` puts it in the address (not on mounting or relabelling). */
  function render(write = true): void {
    const lang: Lang = i18n.lang;
    heading.textContent = M.title[lang];
    intro.textContent = M.intro[lang];
    pickerLabel.textContent = M.story[lang];
    stories.forEach((s, i) => {
      const option = picker.options[i];
      if (option) option.textContent = `${i + 1}. ${s.story.title[lang]}`;
    });
    const simOption = picker.options[stories.length];
    if (simOption) simOption.textContent = `${stories.length + 1}. ${M['family.option'][lang]}`;
    picker.value = place.story;
    keysHint.textContent = M.keys[lang];
    another.textContent = M['family.another'][lang];
    another.setAttribute('aria-label', M['family.another.label'][lang]);
    another.hidden = place.story !== SIM;
    another.disabled = searching;
    if (place.story === SIM) renderFamily(lang);
    else renderStory(lang);
    if (write) win.history.replaceState(win.history.state, '', placePath(win.location.href, place));
  }

  /** Draws the simulated family at the current step, or what the search is doing. */
  function renderFamily(lang: Lang): void {
    const status = searching
      ? M['family.searching'][lang]
      : missing
        ? fill(M['family.none'][lang], {
            count: missing.count.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
          })
        : '';
    controls.update({ step: place.step, total: stepsOf(SIM), playing, speed, lang });
    if (!family) {
      description.textContent = status;
      for (const host of [castHost, stepHost, accountsHost, chainHost]) host.replaceChildren();
      return;
    }
    const labels = new StoryLabels(family.story, lang);
    const search = family.search;
    const found = search
      ? fill(M[search.crossProvince ? 'family.found' : 'family.fallback'][lang], {
          count: search.scanned.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
        })
      : '';
    description.textContent = `${family.story.description[lang]} ${found}`.trim();
    const frame = place.step > 0 ? (family.steps[place.step - 1] ?? null) : null;
    const before = family.steps[place.step - 2]?.balances ?? {};
    const now = frame?.balances ?? {};
    renderCast(castHost, labels, {});
    renderFamilyStep(stepHost, frame, labels);
    renderAccounts(accountsHost, accountRows(Object.keys(now), before, now), labels);
    renderChain(chainHost, familyDebts(family.trace, family.steps, place.step), labels);
  }

  /** Draws the current story at the current step. */
  function renderStory(lang: Lang): void {
    const loaded = current();
    const labels = new StoryLabels(loaded.story, lang);
    const frames: StoryFrame[] = playStory(loaded, place.step);
    const frame = frames.at(-1) ?? null;
    const before = frames.at(-2)?.balances ?? openingBalances(loaded);
    const seen = new Set(Object.keys(openingBalances(loaded)));
    for (const f of frames) for (const k of Object.keys(f.balances)) seen.add(k);

    description.textContent = loaded.story.description[lang];
    renderCast(castHost, labels, frame?.areas ?? {});
    controls.update({ step: place.step, total: stepsOf(place.story), playing, speed, lang });
    renderStep(stepHost, frame ? loaded.story.steps[place.step - 1]! : null, frame, labels);
    renderAccounts(accountsHost, accountRows(seen, before, frame?.balances ?? before), labels);
    renderChain(chainHost, debtPairs(frames), labels);
  }

  // ← and → step back and forward anywhere in the panel, except where they already mean something.
  panel.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (event.altKey || event.ctrlKey || event.metaKey || target?.closest('select, input, textarea')) return;
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    stop();
    go(place.step + (event.key === 'ArrowRight' ? 1 : -1));
  });

  panel.replaceChildren(
    heading,
    intro,
    el(doc, 'div', { class: 'story-picker' }, pickerLabel, picker, another),
    description,
    castHost,
    controls.element,
    keysHint,
    el(
      doc,
      'div',
      { class: 'trainer-grid' },
      stepHost,
      el(doc, 'div', { class: 'trainer-side' }, accountsHost),
    ),
    chainHost,
  );
  if (place.story === SIM) showFamily(0, readFamily(win.location.search), readStep(win.location.search));
  else render(false);

  return {
    relabel: () => render(false),
  };
}
