/**
 * Whether an error is a failed load of a code chunk, as the browsers word it: after a deploy the
 * old hashed files are gone, or the network dropped while navigating. Such a page needs a reload.
 */
const PATTERNS = [
  /Failed to fetch dynamically imported module/i, // Chromium
  /error loading dynamically imported module/i, // Firefox
  /Importing a module script failed/i, // Safari
  /Unable to preload CSS/i, // Vite's CSS preload
  /ChunkLoadError/i,
];

export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return PATTERNS.some((p) => p.test(error.message) || p.test(error.name));
}
