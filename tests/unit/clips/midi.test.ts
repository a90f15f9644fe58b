/** The clip generators' MIDI writer (checked byte by byte against the SMF 1.1 spec) and the written parts. */
import { describe, expect, it } from 'vitest';
import { variableLength, writeMidi } from '../../../scripts/audio/midi';
import { BARS, BAR_TICKS, bass, drums, humanise, keys, pad } from '../../../scripts/audio/groove';
import { piano } from '../../../scripts/audio/piano';

const ascii = (bytes: Uint8Array, from: number) => String.fromCharCode(...bytes.slice(from, from + 4));

describe('variableLength', () => {
  it('matches the examples of the SMF 1.1 spec', () => {
    expect(variableLength(0)).toEqual([0x00]);
    expect(variableLength(0x40)).toEqual([0x40]);
    expect(variableLength(0x7f)).toEqual([0x7f]);
    expect(variableLength(0x80)).toEqual([0x81, 0x00]);
    expect(variableLength(0x2000)).toEqual([0xc0, 0x00]);
    expect(variableLength(0x3fff)).toEqual([0xff, 0x7f]);
    expect(variableLength(0x4000)).toEqual([0x81, 0x80, 0x00]);
    expect(variableLength(0x0fffffff)).toEqual([0xff, 0xff, 0xff, 0x7f]);
  });

  it('refuses negative and oversized values', () => {
    expect(() => variableLength(-1)).toThrow(RangeError);
    expect(() => variableLength(0x10000000)).toThrow(RangeError);
  });
});

describe('writeMidi', () => {
  const bytes = writeMidi({
    ticksPerQuarter: 480,
    beatsPerMinute: 100,
    parts: [
      {
        name: 'b',
        channel: 1,
        program: 33,
        volume: 100,
        pan: 64,
        notes: [{ tick: 480, durationTicks: 240, key: 33, velocity: 90 }],
      },
    ],
  });

  it('writes a format-1 header with the tempo track plus one track per part', () => {
    expect(ascii(bytes, 0)).toBe('MThd');
    expect([...bytes.slice(4, 14)]).toEqual([0, 0, 0, 6, 0, 1, 0, 2, 0x01, 0xe0]);
    expect(ascii(bytes, 14)).toBe('MTrk');
  });

  it('stores 100 BPM as 600 000 µs per quarter note (0x0927C0)', () => {
    const tempoAt = bytes.findIndex((b, i) => b === 0xff && bytes[i + 1] === 0x51);
    expect([...bytes.slice(tempoAt, tempoAt + 6)]).toEqual([0xff, 0x51, 0x03, 0x09, 0x27, 0xc0]);
  });

  it('writes note-on after a delta of 480 ticks and note-off 240 ticks later', () => {
    // 480 = 0x83 0x60 as a variable-length quantity, 240 = 0x81 0x70.
    const text = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    expect(text).toContain('83 60 91 21 5a 81 70 81 21 00 00 ff 2f 00');
  });
});

describe('the written parts', () => {
  const song = { drums: drums(), bass: bass(), keys: keys(), pad: pad(), piano: piano() };

  it('keep every note inside the 8 bars, so the loop cut never splits an onset', () => {
    for (const [name, notes] of Object.entries(song)) {
      for (const note of notes) {
        expect(note.tick, name).toBeGreaterThanOrEqual(0);
        expect(note.tick, name).toBeLessThan(BARS * BAR_TICKS);
        expect(note.velocity, name).toBeGreaterThanOrEqual(1);
        expect(note.velocity, name).toBeLessThanOrEqual(127);
      }
    }
  });

  it('keep the bass in the bass register (E1 = 28 to A2 = 45)', () => {
    for (const note of song.bass) expect(note.key).toBeGreaterThanOrEqual(28);
    for (const note of song.bass) expect(note.key).toBeLessThanOrEqual(45);
  });

  it('humanise only delays (never early) and is the same on every run', () => {
    const grid = [0, 120, 240].map((tick) => ({ tick, durationTicks: 60, key: 36, velocity: 100 }));
    const once = humanise(grid, 7, 5, 4);
    expect(humanise(grid, 7, 5, 4)).toEqual(once);
    once.forEach((note, i) => {
      const planned = grid[i]?.tick ?? 0;
      expect(note.tick - planned).toBeGreaterThanOrEqual(0);
      expect(note.tick - planned).toBeLessThanOrEqual(4);
      expect(Math.abs(note.velocity - 100)).toBeLessThanOrEqual(5);
    });
  });
});
