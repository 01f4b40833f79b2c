/** Shared by the Monaco editor and its loading stand-in, so the swap does not move the page. */
export const LINE_HEIGHT = 20;
export const PADDING = 6;
export const FONT_SIZE = 13;
export const FONT_FAMILY = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace";

/** The editor's height for a number of visible lines. */
export const heightFor = (lines: number): number => lines * LINE_HEIGHT + 2 * PADDING;
