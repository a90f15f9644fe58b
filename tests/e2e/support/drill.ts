/** A simulated listener for the practice drills (the odd positions replayed from the run's seed). */
import { expect, type FrameLocator, type Locator } from '@playwright/test';
import { DRILLS, oddPosition, type DrillId } from '../../../src/lib/practice/drills';

/** The seed the drill tests put in the address (`?seed=42`). */
export const SEED = 42;

/**
 * Answers every trial of a drill as a listener who hears the difference exactly when the stimulus is at least
 * `hearsFrom` (and otherwise picks the wrong one): the odd position is replayed from the seed in the URL.
 */
export async function runDrill(
  drill: Locator | FrameLocator,
  id: DrillId,
  hearsFrom: number,
  seed = SEED,
): Promise<number> {
  const n = DRILLS[id].alternatives;
  const answerName = (i: number) =>
    `${String.fromCharCode(65 + i)} ${id === 'reduction' ? 'is compressed' : 'has the faster attack'}`;
  await drill.getByRole('button', { name: 'Start the drill' }).click();
  const status = drill.getByRole('status');
  for (let guard = 0; guard < 200; guard++) {
    await expect(drill.getByRole('button', { name: answerName(0) })).toBeEnabled({ timeout: 20_000 });
    const readout = (await drill.locator('.cl-readout').textContent()) ?? '';
    const trial = Number(/Trial (\d+)/.exec(readout)?.[1]);
    const stimulus =
      id === 'reduction'
        ? Number(/([\d.]+) dB of gain reduction/.exec(readout)?.[1])
        : Math.log2(60 / Number(/against ([\d.]+) ms/.exec(readout)?.[1]));
    const odd = oddPosition(seed, trial - 1, n);
    const pick = stimulus >= hearsFrom - 1e-6 ? odd : (odd + 1) % n;
    await drill.getByRole('button', { name: answerName(pick) }).click();
    await expect(status).toContainText(pick === odd ? 'Right:' : 'Not this time:');
    if ((await status.textContent())?.includes('Drill finished')) return trial;
    await drill.getByRole('button', { name: 'Next trial' }).click();
  }
  throw new Error('the drill did not finish');
}
