const DIACRITICS = /\p{M}+/gu;
const TYPOGRAPHIC_APOSTROPHES = /[\u2018\u2019\u02bc\u00b4`]/g;

/** Lowercase, without accents (é → e, ö → o, ß → ss), with plain apostrophes. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .replace(/ß/g, 'ss')
    .replace(TYPOGRAPHIC_APOSTROPHES, "'");
}

/** An elided article or pronoun ("l'app", "qu'un", "d'un", "m'appeler"): replace with '$1 ' to make it a word of its own. */
export const ELIDED = /\b(qu|[ldjsmtnc])'/g;
