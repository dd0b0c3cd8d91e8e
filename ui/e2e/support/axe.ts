import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';

/**
 * Waits until no visible element is fading or changing colour: axe measures colour contrast on what is painted, and
 * a dialog still fading in, or a button still blending to its colour, reads as low contrast (the match celebration,
 * measured mid-transition on a loaded machine: #9b4957 on #171721). First every finite Web Animation and CSS
 * transition is let finish (spinners turn forever, are aria-hidden, and are not waited on); then opacity and colours
 * must hold still across three samples, because an animation driven frame by frame from script is not in
 * `getAnimations()` and one unchanged pair of samples was once taken in a frame the loaded machine skipped (a
 * clean-clone run of every suite: three browsers and the server on two cores). Gives up after eight seconds and lets
 * axe report what it sees.
 */
async function waitForFadesToSettle(page: Page) {
  await page
    .waitForFunction(
      async () => {
        const finite = document
          .getAnimations()
          .filter((animation) => animation.playState === 'running' && animation.effect?.getTiming().iterations !== Infinity);
        await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
        const painted = () =>
          Array.from(document.querySelectorAll('body *'))
            .filter((element) => !element.closest('[aria-hidden="true"]'))
            .map((element) => {
              const style = getComputedStyle(element);
              return `${style.opacity} ${style.color} ${style.backgroundColor}`;
            })
            .join(',');
        const samples = [painted()];
        for (let i = 0; i < 2; i++) {
          await new Promise((resolve) => setTimeout(resolve, 120));
          samples.push(painted());
        }
        return samples.every((sample) => sample === samples[0]);
      },
      undefined,
      { timeout: 8_000 },
    )
    .catch(() => undefined);
}

/** Fails with a readable list when axe finds serious or critical WCAG 2.1 AA (or best-practice) problems. */
export async function expectNoSeriousViolations(page: Page, view: string) {
  await waitForFadesToSettle(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n')}`,
  );
  expect(report, `axe on ${view}`).toEqual([]);
}
