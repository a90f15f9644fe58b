/**
 * Loudness matching for the A/B player (pure). The original is the reference: the compressed path is turned by
 * the measured integrated-loudness difference so that both read the same LUFS, and the removed path (the delta)
 * is brought to the original's loudness too, with its boost capped so near-silence is not blown up into noise.
 */

export interface ClipLoudness {
  originalLufs: number;
  compressedLufs: number;
  removedLufs: number;
}

/** Largest boost given to the removed signal when matching, dB. */
export const MAX_REMOVED_BOOST_DB = 30;

export interface MatchGains {
  compressedDb: number;
  removedDb: number;
}

/**
 * Gains that make the compressed and removed paths as loud as the original.
 * Source: BS.1770 loudness is K-weighted mean square in dB, so a gain of g dB changes it by exactly g LU;
 * matching gain = L_original − L_path.
 */
export function matchGainsDb(loudness: ClipLoudness | null, matchOn: boolean): MatchGains {
  if (!matchOn || !loudness) return { compressedDb: 0, removedDb: 0 };
  const { originalLufs, compressedLufs, removedLufs } = loudness;
  const compressedDb =
    Number.isFinite(originalLufs) && Number.isFinite(compressedLufs) ? originalLufs - compressedLufs : 0;
  const removedDb =
    Number.isFinite(originalLufs) && Number.isFinite(removedLufs)
      ? Math.min(MAX_REMOVED_BOOST_DB, originalLufs - removedLufs)
      : 0;
  return { compressedDb, removedDb };
}

/** Loudness of the compressed clip relative to the original, LU (positive: louder). Null until measured. */
export function deltaLu(loudness: ClipLoudness | null): number | null {
  if (!loudness) return null;
  const d = loudness.compressedLufs - loudness.originalLufs;
  return Number.isFinite(d) ? d : null;
}
