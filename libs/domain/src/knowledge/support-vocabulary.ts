import { foldText } from '../text/fold';
import { stem, tokenizeForSearch } from './extractive-answer';

/*
 * Words visitors and help articles use for the same thing ("money back" / "refund", "log in" /
 * "password", "voucher" / "promo code"). Knowledge-base mode compares a question with a passage
 * by concepts: each word of a group counts as the group's first word.
 */

/** Phrases folded to one word before tokenizing (regular expressions over folded text). */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:money|cash) back\b/g, 'refund'],
  [/\b(?:log|logging|sign|signing)[ -]?(?:in|on)\b/g, 'login'],
  [/\be-mail/g, 'email'],
  [/\b(?:two|2)[ -]?(?:step|factor)\b|\b2fa\b|\bmfa\b/g, 'twofactor'],
  [/\bgift (?:voucher|certificate)s?\b/g, 'gift card'],
  [/\bmoney off\b/g, 'discount'],
  [/\b(?:send|sent|sending|sends|ship|shipping)(?: \w+)? back\b/g, 'return'],
  [/\bhow much\b/g, 'cost'],
  [/\bhow long\b/g, 'time'],
];

/** Groups of words with one meaning in customer support; the first word names the group. */
const GROUPS: readonly string[] = [
  'refund reimburse reimbursed reimbursement repay repaid',
  'cancel stop terminate unsubscribe',
  'password login credentials passcode',
  'account profile',
  'email mail mailbox',
  'delivery deliver ship shipping shipment postage dispatch',
  'parcel package packet',
  'cost price fee pricing priced',
  'subscription plan membership tier',
  'invoice receipt',
  'discount promo coupon voucher reduction',
  'damaged broken faulty defective defect cracked',
  'warranty guarantee',
  'delete remove erase',
  'declined decline refused refuse rejected reject',
  'track tracking trace',
  'twofactor authenticator',
  'change update edit modify switch replace',
  'yearly annual annually',
  'monthly month',
  'student university college',
  'data information info',
  'lost missing',
  'money cash',
];

const CANONICAL: ReadonlyMap<string, string> = new Map(
  GROUPS.flatMap((group) => {
    const [first, ...rest] = group.split(' ').map(stem);
    return [first, ...rest].map((word) => [word, first] as const);
  }),
);

/** The question's or passage's content words, stemmed, with support synonyms folded to one concept each. */
export function conceptsOf(text: string): string[] {
  let folded = foldText(text);
  for (const [pattern, word] of PHRASES) folded = folded.replace(pattern, word);
  return tokenizeForSearch(folded).map((term) => CANONICAL.get(term) ?? term);
}

/**
 * The question with the support synonyms of its words appended, for full-text retrieval: an
 * article that says "refund" is found for "money back".
 */
export function expandQuestion(question: string): string {
  const extra = new Set<string>();
  const concepts = new Set(conceptsOf(question));
  for (const group of GROUPS) {
    const words = group.split(' ');
    if (concepts.has(stem(words[0]))) words.forEach((word) => extra.add(word));
  }
  return extra.size === 0 ? question : `${question} ${[...extra].join(' ')}`;
}
