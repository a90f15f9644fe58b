/**
 * On-screen names of the four reasons' measures (defined in ./reasons.ts), one per measure. Apart from the measures
 * so the Reasons panel's page code can name them without bundling the measures (those run in its Worker).
 */
export const REASON_NAMES = {
  loudnessRange: 'loudness range',
  transientOverSustain: 'transient over sustain',
  peakToLoudness: 'peak to loudness ratio',
  quietBelowPeak: 'quiet detail below the peak',
} as const;
