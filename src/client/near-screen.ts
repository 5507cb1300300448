/**
 * How far beyond the screen a part of the page counts as near it: one screen's height above and
 * below, so a reader scrolling at an ordinary pace finds it drawn when it arrives.
 */
export const NEAR_SCREEN_MARGIN = '100% 0px';
