/**
 * A regular expression matching any of the given whole-word alternatives, written one per line or
 * separated by " | " (runs of spaces inside an alternative count as one).
 */
export function anyOf(alternatives: string, flags = ''): RegExp {
  const source = alternatives
    .split(/\n| \| /)
    .map((alternative) => alternative.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .join('|');
  return new RegExp(`\\b(?:${source})\\b`, flags);
}
