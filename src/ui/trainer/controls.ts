/**
 * The trainer's playback controls (播放控制): restart, back, step, play/pause and a speed choice.
 * Real buttons and a labelled select, so they work from the keyboard; the elements persist across
 * steps so focus stays where it was.
 */
import { el } from '../dom';
import type { Lang } from '../../text/i18n';
import { trainerMessages as M, type TrainerKey } from './messages';

/** The playback speeds: milliseconds between steps. */
export const SPEEDS = { slow: 3000, normal: 1500, fast: 600 } as const;

/** A playback speed. */
export type Speed = keyof typeof SPEEDS;

/** What the controls do when used. */
export interface ControlHandlers {
  restart(): void;
  back(): void;
  step(): void;
  togglePlay(): void;
  speed(speed: Speed): void;
}

/** What the controls show. */
export interface ControlState {
  step: number;
  total: number;
  playing: boolean;
  speed: Speed;
  lang: Lang;
}

/** The controls and the function that brings them up to date. */
export interface Controls {
  element: HTMLElement;
  update(state: ControlState): void;
}

/** Builds the controls in `doc`, calling `on` when they are used. */
export function createControls(doc: Document, on: ControlHandlers): Controls {
  const button = (action: string, handler: () => void) => {
    const b = el(doc, 'button', { type: 'button', class: 'trainer-button', 'data-action': action });
    b.addEventListener('click', handler);
    return b;
  };
  const restart = button('restart', () => on.restart());
  const back = button('back', () => on.back());
  const step = button('step', () => on.step());
  const play = button('play', () => on.togglePlay());
  const speedLabel = el(doc, 'label', { for: 'trainer-speed' });
  const speed = el(doc, 'select', { id: 'trainer-speed' });
  for (const s of Object.keys(SPEEDS) as Speed[]) speed.append(el(doc, 'option', { value: s }));
  speed.addEventListener('change', () => on.speed(speed.value as Speed));
  const progress = el(doc, 'span', { class: 'trainer-progress', 'aria-live': 'polite' });
  const element = el(
    doc,
    'div',
    { class: 'trainer-controls', role: 'group' },
    restart,
    back,
    step,
    play,
    el(doc, 'span', { class: 'trainer-speed' }, speedLabel, speed),
    progress,
  );

  const label = (b: HTMLButtonElement, text: TrainerKey, aria: TrainerKey, lang: Lang) => {
    b.textContent = M[text][lang];
    b.setAttribute('aria-label', M[aria][lang]);
  };

  return {
    element,
    update(s) {
      element.setAttribute('aria-label', M.controls[s.lang]);
      label(restart, 'restart', 'restart.label', s.lang);
      label(back, 'back', 'back.label', s.lang);
      label(step, 'step', 'step.label', s.lang);
      label(play, s.playing ? 'pause' : 'play', s.playing ? 'pause.label' : 'play.label', s.lang);
      play.setAttribute('aria-pressed', String(s.playing));
      restart.disabled = s.step === 0;
      back.disabled = s.step === 0;
      step.disabled = s.step >= s.total;
      play.disabled = s.step >= s.total && !s.playing;
      speedLabel.textContent = M.speed[s.lang];
      for (const option of speed.options) option.textContent = M[`speed.${option.value as Speed}`][s.lang];
      speed.value = s.speed;
      progress.textContent =
        s.step === 0
          ? M.start[s.lang]
          : M.progress[s.lang].replace('{n}', String(s.step)).replace('{total}', String(s.total));
    },
  };
}
