// The game's colour palette. Warm neutrals with a calm teal for trust and an amber accent for warmth.
// Portraits, backdrops and UI art all draw from here so every screen belongs to the same family.
export const PALETTE = {
  /** Outlines and dark text. A warm plum-charcoal rather than black. */
  ink: '#2d2430',
  cream: '#fbf5ea',
  paper: '#f3ebdd',
  sand: '#e6d7c0',
  taupe: '#b9a791',
  teal: '#1f7a74',
  tealDark: '#155853',
  tealLight: '#8fc7bd',
  amber: '#f0a94b',
  amberLight: '#f7d39a',
  coral: '#e2725b',
  navy: '#26344a',
  slate: '#5b6b7d',
  sage: '#9db49f',
  white: '#fffdf8',
} as const;

/** Defaults for customers whose scenario gives no `look`, picked with the scenario's seed. */
export const SKIN_TONES = ['#f6d5bd', '#eec3a2', '#dca57f', '#c68b63', '#a96d47', '#8d5524', '#6f4327', '#553220'];
export const HAIR_COLOURS = ['#1b1b1b', '#3b2a20', '#5a3a24', '#8a5a35', '#b8844f', '#d8b872', '#a5a19c', '#9c4a2c'];
export const SHIRT_COLOURS = ['#3b5b8c', '#5b7f6a', '#8c4f4f', '#6d5a8c', '#c08a3e', '#4f6f78', '#7a6a58', '#2f4858', '#a45d6a'];
export const EYE_COLOURS = ['#3b2417', '#4f3020', '#5e3b1f', '#3f5a4a', '#4a6784', '#6d5530'];
