#!/usr/bin/env bash
# Regenerates every example clip in public/audio/ and its manifest from the MIDI and text in scripts/audio/.
# Not run in CI (the SoundFont alone is a ~140 MB package). Run from the repository root:
#
#   sudo apt-get install fluidsynth fluid-soundfont-gm festival festvox-us-slt-hts pocketsphinx-testdata ffmpeg
#   npm ci && bash scripts/audio/regenerate.sh [outDir=public/audio]
#
# Debian packages used (licences in public/audio/ATTRIBUTION.md):
#   fluidsynth           renders the MIDI (LGPL-2.1 program; its output is not a derived work)
#   fluid-soundfont-gm   /usr/share/sounds/sf2/FluidR3_GM.sf2, the instrument samples (MIT)
#   festival, festvox-us-slt-hts (+ festlex-cmu, festlex-poslex, pulled in by it)  the speech (BSD-style)
#   pocketsphinx-testdata  /usr/share/pocketsphinx/test/data/librivox/, the narrator's LibriVox reading
#                        (public domain recording; the package's BSD-2-clause notice in ATTRIBUTION.md)
#   ffmpeg               resampling, decoding, Opus (libopus) and AAC encoding
set -euo pipefail

cd "$(dirname "$0")/../.."
SOUNDFONT=/usr/share/sounds/sf2/FluidR3_GM.sf2
OUT="${1:-public/audio}"

missing=()
for pkg in fluidsynth fluid-soundfont-gm festival festvox-us-slt-hts pocketsphinx-testdata ffmpeg; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "Working in $WORK"

# 1. MIDI (written in TypeScript, see groove.ts, piano.ts and guitar.ts) -> WAV at 48 kHz, 32-bit float.
#    Chorus off, default reverb on; gain 0.5 keeps the full mix well below clipping.
npx tsx scripts/audio/write-midi.ts "$WORK"
for id in drums bass mix piano guitar; do
  fluidsynth -ni -q -F "$WORK/$id.wav" -r 48000 -O float -T wav -g 0.5 -C 0 "$SOUNDFONT" "$WORK/$id.mid"
done

# 2. Speech: one WAV per line of vocal.ts, voice cmu_us_slt_arctic_hts (32 kHz; master.ts resamples).
npx tsx scripts/audio/vocal.ts "$WORK"
for text in "$WORK"/vocal-*.txt; do
  text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "${text%.txt}.wav" "$text"
done

# 3. Cut loops, assemble the speech (vocal.ts; narrator.ts reads the LibriVox files in place), normalise to one
#    loudness, encode Opus + AAC, verify decoded peaks and sizes.
mkdir -p "$OUT"
npx tsx scripts/audio/master.ts "$WORK" "$OUT"

# 4. Measure the shipped files with the project's own meters and write the manifest.
npx tsx scripts/audio/measure.ts "$OUT"
