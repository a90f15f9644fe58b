/**
 * A minimal Standard MIDI File (SMF) writer: format 1, one tempo track plus one track per part.
 * Enough for the example clips: notes, program changes, controllers and one fixed tempo.
 *
 * Source: "Standard MIDI-File Format Spec. 1.1" (MIDI Manufacturers Association): header chunk "MThd"
 * (length 6: format, ntrks, division), track chunks "MTrk", delta times as variable-length quantities
 * (7 bits per byte, high bit set on all but the last byte), meta event FF 51 03 tttttt = tempo in µs per
 * quarter note, FF 2F 00 = end of track.
 */

export interface Note {
  /** Start, ticks from the beginning of the song (may not be negative). */
  tick: number;
  durationTicks: number;
  /** MIDI key number, 0..127 (60 = middle C). */
  key: number;
  /** 1..127. */
  velocity: number;
}

export interface Part {
  name: string;
  /** MIDI channel, 0..15 (9 = General MIDI percussion). */
  channel: number;
  /** General MIDI program, 0..127 (ignored on channel 9). */
  program: number;
  /** Channel volume, controller 7, 0..127. */
  volume: number;
  /** Pan, controller 10, 0..127 (64 = centre). */
  pan: number;
  notes: Note[];
}

export interface Song {
  ticksPerQuarter: number;
  beatsPerMinute: number;
  parts: Part[];
}

/** Variable-length quantity: 7 bits per byte, most significant group first, continuation bit 0x80. */
export function variableLength(value: number): number[] {
  if (!Number.isInteger(value) || value < 0 || value > 0x0fffffff) {
    throw new RangeError(`variable-length value out of range: ${value}`);
  }
  const bytes = [value & 0x7f];
  let rest = value >>> 7;
  while (rest > 0) {
    bytes.unshift((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  return bytes;
}

interface TimedEvent {
  tick: number;
  /** Sort order at equal ticks: setup (0) before note-offs (1) before note-ons (2). */
  order: number;
  bytes: number[];
}

function chunk(type: string, body: number[]): number[] {
  const length = body.length;
  return [
    ...Array.from(type, (c) => c.charCodeAt(0)),
    (length >>> 24) & 0xff,
    (length >>> 16) & 0xff,
    (length >>> 8) & 0xff,
    length & 0xff,
    ...body,
  ];
}

function trackChunk(events: TimedEvent[]): number[] {
  const sorted = [...events].sort((a, b) => a.tick - b.tick || a.order - b.order);
  const body: number[] = [];
  let previous = 0;
  for (const event of sorted) {
    body.push(...variableLength(event.tick - previous), ...event.bytes);
    previous = event.tick;
  }
  body.push(0, 0xff, 0x2f, 0x00);
  return chunk('MTrk', body);
}

function textMeta(type: number, text: string): number[] {
  const bytes = Array.from(text, (c) => c.charCodeAt(0) & 0x7f);
  return [0xff, type, ...variableLength(bytes.length), ...bytes];
}

function partEvents(part: Part): TimedEvent[] {
  const ch = part.channel;
  const events: TimedEvent[] = [
    { tick: 0, order: 0, bytes: textMeta(0x03, part.name) },
    { tick: 0, order: 0, bytes: [0xb0 | ch, 7, part.volume] },
    { tick: 0, order: 0, bytes: [0xb0 | ch, 10, part.pan] },
  ];
  if (ch !== 9) events.push({ tick: 0, order: 0, bytes: [0xc0 | ch, part.program] });
  for (const note of part.notes) {
    const start = Math.round(note.tick);
    const end = Math.max(start + 1, Math.round(note.tick + note.durationTicks));
    if (start < 0) throw new RangeError(`${part.name}: note at negative tick ${note.tick}`);
    const velocity = Math.min(127, Math.max(1, Math.round(note.velocity)));
    events.push({ tick: start, order: 2, bytes: [0x90 | ch, note.key, velocity] });
    events.push({ tick: end, order: 1, bytes: [0x80 | ch, note.key, 0] });
  }
  return events;
}

/** Encodes a song as an SMF format-1 file. */
export function writeMidi(song: Song): Uint8Array {
  const microsPerQuarter = Math.round(60_000_000 / song.beatsPerMinute);
  const header = chunk('MThd', [
    0,
    1,
    0,
    song.parts.length + 1,
    song.ticksPerQuarter >>> 8,
    song.ticksPerQuarter & 0xff,
  ]);
  const tempoTrack = trackChunk([
    {
      tick: 0,
      order: 0,
      bytes: [
        0xff,
        0x51,
        0x03,
        (microsPerQuarter >>> 16) & 0xff,
        (microsPerQuarter >>> 8) & 0xff,
        microsPerQuarter & 0xff,
      ],
    },
    { tick: 0, order: 0, bytes: [0xff, 0x58, 0x04, 4, 2, 24, 8] },
  ]);
  const tracks = song.parts.map((part) => trackChunk(partEvents(part)));
  return Uint8Array.from([...header, ...tempoTrack, ...tracks.flat()]);
}
