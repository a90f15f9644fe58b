/**
 * Every readout on the Threshold and Ratio lessons, at three settings each, on the drum groove and the dynamic
 * talker: computed with the same functions the widgets call, checked for agreement (one quantity, one number,
 * under one name), and printed as a table with `PRINT_READOUTS=1 npx vitest run tests/unit/widgets/readout-table`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import type { CompressorParams } from '../../../src/dsp/types';
import { measureLoudness } from '../../../src/state/render-job';
import { deltaLu } from '../../../src/audio/matching';
import { deltaText } from '../../../src/widgets/Player/model';
import { describeFullScale, describeTransfer, measuredTransfer } from '../../../src/widgets/TransferCurve/model';
import { describeGainMeter, gainMeterModel, reductionAt } from '../../../src/widgets/GainMeter/model';
import { describeEnvelope, envelopeModel } from '../../../src/widgets/Envelope/model';
import { describeWaveform, waveformModel } from '../../../src/widgets/Waveform/model';
import { checkLoudestHitsOnly, checkMostReduction, findHits } from '../../../src/widgets/Exercise/model';
import { fullWindow, loudestHitWindow } from '../../../src/widgets/shared/time-window';
import { MEASURE_NAMES, mostGainReductionDb } from '../../../src/widgets/shared/measures';
import { formatDbShort } from '../../../src/widgets/shared/describe';
import { SKIP_CLIP_TESTS, clipTitle, decode, requireFfmpeg } from '../support/clip-audio';

const fs = 48000;
const p = (over: Partial<CompressorParams>): CompressorParams => ({ ...DEFAULT_PARAMS, ...over });

interface Readout {
  /** Where it is shown. */
  view: string;
  /** The function that computes it (its one definition). */
  definition: string;
  text: string;
}

const LESSONS = [
  {
    lesson: 'Threshold',
    settings: [-10, -20, -35].map((t) => ({ label: `${t} dB, 4:1`, params: p({ thresholdDb: t }) })),
    waveform: false,
  },
  {
    lesson: 'Ratio',
    settings: [2, 4, Infinity].map((r) => ({
      label: `-25 dB, ${Number.isFinite(r) ? r : '∞'}:1`,
      params: p({ thresholdDb: -25, ratio: r }),
    })),
    waveform: true,
  },
];

function readouts(clipId: string, params: CompressorParams, lesson: string, waveform: boolean): Readout[] {
  const x = decode(clipId);
  const render = renderOffline(x, fs, params);
  const durationS = (x[0]?.length ?? 0) / fs;
  const most = mostGainReductionDb(render);
  const loudness = measureLoudness(x, render.output, fs, render.makeupDb);
  const out: Readout[] = [
    {
      view: 'transfer curve: description',
      definition: 'describeTransfer(mostGainReductionDb, measuredTransfer)',
      text: describeTransfer(params, most, measuredTransfer(x, render)),
    },
    {
      view: 'transfer curve: readout',
      definition: 'describeFullScale (fullScaleReadout)',
      text: describeFullScale(params),
    },
    {
      view: 'gain meter (at the playhead, 0 s)',
      definition: 'describeGainMeter(reductionAt, mostGainReductionDb)',
      text: describeGainMeter(gainMeterModel(reductionAt(render, 0), most), false),
    },
    {
      view: 'player: ΔLU',
      definition: 'deltaText(deltaLu(measureLoudness))',
      text: deltaText(deltaLu(loudness), true),
    },
  ];
  out.push({
    view: 'envelope (whole clip)',
    definition: 'describeEnvelope(mostTargetReductionDb, mostGainReductionDb, compressedShare, highestDetectorDb)',
    text: describeEnvelope(envelopeModel(x, render, fullWindow(durationS), 400), params),
  });
  if (waveform) {
    out.push(
      {
        view: 'waveform (whole clip)',
        definition: 'describeWaveform(peakChange)',
        text: describeWaveform(waveformModel(x, render.output, fs, fullWindow(durationS), 800)),
      },
      {
        view: 'waveform (zoomed to loudest hit)',
        definition: 'describeWaveform(peakChange), loudestHitWindow',
        text: describeWaveform(waveformModel(x, render.output, fs, loudestHitWindow(x, fs, durationS), 800)),
      },
    );
  }
  out.push(
    lesson === 'Threshold'
      ? {
          view: 'exercise verdict',
          definition: 'checkLoudestHitsOnly(findHits: detector level > threshold)',
          text:
            clipId === 'drums'
              ? checkLoudestHitsOnly(findHits(x, render), params.thresholdDb).message
              : '(drum groove only: asks to switch)',
        }
      : {
          view: 'exercise verdict',
          definition: 'checkMostReduction(mostGainReductionDb)',
          text: checkMostReduction(most, 6, 8, clipTitle(clipId)).message,
        },
  );
  return out;
}

/** The number quoted right after a quantity's name, e.g. "5.8 dB". */
function quoted(text: string, name: string): string | undefined {
  const at = text.indexOf(name);
  return at < 0 ? undefined : /(\d+(?:\.\d+)?) dB/.exec(text.slice(at + name.length))?.[0];
}

describe.skipIf(SKIP_CLIP_TESTS)('every readout on the Threshold and Ratio lessons', () => {
  beforeAll(requireFfmpeg);
  const rows: string[] = [];

  for (const { lesson, settings, waveform } of LESSONS) {
    for (const clipId of ['drums', 'vocal']) {
      it(`${lesson} on the ${clipTitle(clipId)}: one number per quantity at ${settings.map((s) => s.label).join(', ')}`, () => {
        for (const { label, params } of settings) {
          const list = readouts(clipId, params, lesson, waveform);
          const most = formatDbShort(mostGainReductionDb(renderOffline(decode(clipId), fs, params)));
          for (const r of list) {
            const n = quoted(r.text, MEASURE_NAMES.mostGainReduction);
            // Wherever "the most gain reduction" is named, it is the same number.
            if (n !== undefined) expect(n, `${lesson} ${clipId} ${label}: ${r.view}`).toBe(most);
            if (r.view.startsWith('waveform')) expect(r.text).not.toContain(MEASURE_NAMES.mostGainReduction);
            rows.push(`| ${lesson} | ${clipTitle(clipId)} | ${label} | ${r.view} | ${r.text} | \`${r.definition}\` |`);
          }
        }
      }, 120_000);
    }
  }

  it('prints the table when asked', () => {
    expect(rows.length).toBeGreaterThan(0);
    if (process.env.PRINT_READOUTS) {
      console.log(
        ['| lesson | clip | setting | readout | text | definition |', '|---|---|---|---|---|---|', ...rows].join('\n'),
      );
    }
  });
});
