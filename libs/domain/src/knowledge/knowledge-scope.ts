/**
 * Which articles a persona may answer from, stored as `persona.knowledgeScope`:
 * `{"tags":["billing"],"collections":["public"]}`. An article is in scope when it has one of the
 * tags or belongs to one of the collections; a scope with neither (or no scope) allows every article.
 */
export interface KnowledgeScope {
  tags: string[];
  collections: string[];
}

export const UNRESTRICTED_SCOPE: KnowledgeScope = { tags: [], collections: [] };

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}

/** Reads a stored scope; anything unreadable means no restriction (input is validated on write). */
export function parseKnowledgeScope(value: unknown): KnowledgeScope {
  if (typeof value !== 'object' || value === null) return UNRESTRICTED_SCOPE;
  const record = value as Record<string, unknown>;
  return { tags: strings(record['tags']), collections: strings(record['collections']) };
}

export function isUnrestricted(scope: KnowledgeScope): boolean {
  return scope.tags.length === 0 && scope.collections.length === 0;
}
