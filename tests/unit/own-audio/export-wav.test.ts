/** The exported WAV is byte for byte the file the command line's writer makes (src/io/wav.ts), in slices. */
import { describe, expect, it } from 'vitest';
import { exportName, wavBlob } from '../../../src/audio/export-wav';
import { encodeWavFloat32 } from '../../../src/io/wav';
import { seededNoise } from '../../../src/dsp/signals';

describe('wavBlob', () => {
  it('equals encodeWavFloat32 for a stereo signal longer than one slice (65536 frames), at its own rate', async () => {
    const left = seededNoise({ sampleRate: 44100, durationS: 3.3, peakDb: -6, seed: 1 });
    const right = seededNoise({ sampleRate: 44100, durationS: 3.3, peakDb: -12, seed: 2 });
    const blob = await wavBlob([left, right], 44100);
    expect(blob.type).toBe('audio/wav');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(encodeWavFloat32([left, right], 44100));
  });
  it('names the download after the file', () => {
    expect(exportName('take 3.flac')).toBe('take 3 (compressed).wav');
    expect(exportName('Drum groove')).toBe('Drum groove (compressed).wav');
    expect(exportName('.wav')).toBe('audio (compressed).wav');
  });
});
