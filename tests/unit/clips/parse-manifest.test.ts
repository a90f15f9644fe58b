/** parseManifest's messages for malformed manifests, and chooseFile's choice of format. */
import { describe, expect, it } from 'vitest';
import { chooseFile, type Clip } from '../../../src/clips/manifest';
import { parseManifest } from '../../../src/clips/manifest-schema';

function validClip(): Record<string, unknown> {
  return {
    id: 'drums',
    title: 'Drum groove',
    role: 'drum kit',
    description: 'Kick and snare.',
    durationS: 19.2,
    sampleRate: 48000,
    channels: 2,
    lufs: -24,
    peakDb: -3.5,
    crestDb: 23.2,
    loudnessRangeLu: 2.3,
    licence: 'MIT',
    source: 'groove.ts',
    suggested: { thresholdDb: -30, ratio: 6, detector: 'peak' },
    files: [
      { src: 'drums.opus', type: 'audio/ogg; codecs=opus' },
      { src: 'drums.m4a', type: 'audio/mp4; codecs="mp4a.40.2"' },
    ],
  };
}

const withClip = (overrides: Record<string, unknown>) => ({ clips: [{ ...validClip(), ...overrides }] });

function messageOf(json: unknown): string {
  try {
    parseManifest(json);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('parseManifest accepted an invalid manifest');
}

describe('parseManifest', () => {
  it('accepts a valid manifest and keeps only the suggested keys it was given', () => {
    const parsed = parseManifest({ clips: [validClip()] });
    expect(parsed.clips[0]?.id).toBe('drums');
    expect(parsed.clips[0]?.suggested).toEqual({ thresholdDb: -30, ratio: 6, detector: 'peak' });
  });

  it('rejects a document without a clip list', () => {
    expect(messageOf(null)).toBe('Invalid clip manifest: "clips" must be a non-empty list (got nothing)');
    expect(messageOf({ clips: [] })).toBe('Invalid clip manifest: "clips" must be a non-empty list (got [])');
  });

  it('names the clip, the field and the bad value', () => {
    expect(messageOf(withClip({ lufs: 'loud' }))).toContain(
      'clips[0].lufs must be a number from -70 to 0 (got "loud")',
    );
    expect(messageOf(withClip({ title: '' }))).toContain('clips[0].title must be a non-empty string (got "")');
    expect(messageOf(withClip({ channels: 1.5 }))).toContain('clips[0].channels must be a whole number (got 1.5)');
    expect(messageOf(withClip({ id: 'Drums!' }))).toContain("clips[0].id must be lower-case letters, digits and '-'");
  });

  it('lists every problem, not only the first', () => {
    const message = messageOf(withClip({ peakDb: 3, durationS: undefined }));
    expect(message).toContain('clips[0].peakDb must be a number from -100 to 0 (got 3)');
    expect(message).toContain('clips[0].durationS must be a number from 0.1 to 600 (got nothing)');
  });

  it('refuses file names that leave the audio folder and non-audio types', () => {
    const message = messageOf(withClip({ files: [{ src: '../secret.opus', type: 'text/html' }] }));
    expect(message).toContain(
      'clips[0].files[0].src must be a plain file name in the manifest\'s folder (got "../secret.opus")',
    );
    expect(message).toContain('clips[0].files[0].type must be an audio MIME type (got "text/html")');
    expect(messageOf(withClip({ files: [] }))).toContain('clips[0].files must be a non-empty list');
  });

  it('checks the suggested setting with the compressor validator', () => {
    expect(messageOf(withClip({ suggested: { ratio: 0.5 } }))).toContain(
      'clips[0].suggested: ratio: 0.5 is out of range (allowed 1..20 or inf)',
    );
    expect(messageOf(withClip({ suggested: { knee: 6 } }))).toContain("clips[0].suggested: unknown parameter 'knee'");
  });

  it('rejects duplicate ids', () => {
    expect(messageOf({ clips: [validClip(), validClip()] })).toContain('clips[1].id "drums" is used twice');
  });
});

describe('chooseFile', () => {
  const clip = parseManifest({ clips: [validClip()] }).clips[0] as Clip;
  const answers =
    (opus: string, aac: string) =>
    (type: string): string =>
      type.includes('opus') ? opus : aac;

  it('takes the first file the browser probably plays', () => {
    expect(chooseFile(clip, answers('probably', 'probably'))?.src).toBe('drums.opus');
    expect(chooseFile(clip, answers('maybe', 'probably'))?.src).toBe('drums.m4a');
  });

  it("falls back to 'maybe', then to null when nothing plays", () => {
    expect(chooseFile(clip, answers('', 'maybe'))?.src).toBe('drums.m4a');
    expect(chooseFile(clip, answers('', ''))).toBeNull();
  });
});
