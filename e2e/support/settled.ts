import type { Page } from '@playwright/test';

/** Frames in a row with nothing moving before the page counts as at rest. */
const STILL_FRAMES = 3;

/**
 * Waits until nothing on the page moves, as a person looking at it would: no CSS transition or
 * finite animation running (spinners, which never end, are not waited for), and the canvas's
 * camera (React Flow's viewport transform, moved by script, not by CSS) unchanged for a few frames.
 * For a screenshot or a measurement of the view, instead of a guessed pause; fails after `timeout`
 * saying what was still moving.
 */
export async function pageAtRest(page: Page, timeout = 5_000): Promise<void> {
  const moving = await page.evaluate(
    ({ frames, ms }) =>
      new Promise<string | null>((resolve) => {
        let last: string | null = null;
        let still = 0;
        let what = '';
        const giveUp = setTimeout(() => resolve(what), ms);
        const frame = () => {
          const running = document
            .getAnimations()
            .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
            .map((a) =>
              'transitionProperty' in a ? `transition of ${(a as CSSTransition).transitionProperty}` : `animation ${(a as CSSAnimation).animationName ?? ''}`,
            );
          const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
          const cameraMoved = last !== null && transform !== last;
          what = [...running, ...(cameraMoved ? ['the canvas camera'] : [])].join(', ');
          still = last !== null && what === '' ? still + 1 : 0;
          last = transform;
          if (still >= frames) {
            clearTimeout(giveUp);
            resolve(null);
          } else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { frames: STILL_FRAMES, ms: timeout },
  );
  if (moving !== null) throw new Error(`The page was still moving after ${timeout} ms: ${moving || 'no frame was drawn'}`);
}
