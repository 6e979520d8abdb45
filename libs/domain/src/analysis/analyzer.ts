import type { Analysis, Intent, Tone, ToneLabel } from '@parley/contracts';
import { foldText } from '../text/fold';
import { detectHumanRequest } from './human-request';

/*
 * First, lexicon-based analysis of a visitor message (after VADER: valences summed with negation,
 * boosters, emphasis and punctuation, then squashed into -1..1). A model trained on labelled
 * conversations is meant to replace it behind the same `analyzeMessage` signature.
 */

/** Score limits of the labels; `angry` also needs an anger marker (anger word, profanity, shouting...). */
export const TONE_THRESHOLDS = { angry: -0.4, frustrated: -0.2, positive: 0.25 } as const;

interface Entry {
  valence: number;
  anger?: true;
}

const ANGER = true;

const WORDS: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ...scored(1.9, 'thanks', 'thank', 'good', 'glad'),
  ...scored(1.5, 'thx', 'helped', 'easy', 'kind', 'fixed', 'resolved', 'works', 'worked', 'nice'),
  ...scored(2.2, 'great', 'helpful', 'appreciate', 'appreciated', 'pleased', 'satisfied', 'solved', 'friendly'),
  ...scored(2.6, 'happy', 'love', 'loved', 'lovely', 'perfect', 'brilliant', 'grateful', 'best', 'yay'),
  ...scored(3, 'awesome', 'amazing', 'excellent', 'wonderful', 'fantastic', 'superb', 'outstanding'),
  ...scored(1, 'quick', 'fast', 'cool', 'ok', 'okay'),
  ...scored(-0.4, 'issue', 'issues'),
  ...scored(-0.6, 'problem', 'problems', 'error', 'errors', 'seriously'),
  ...scored(-1.3, 'confused', 'confusing', 'slow', 'late', 'delayed', 'missing', 'wrong', 'stuck', 'worried', 'ugh'),
  ...scored(-2, 'poor', 'sad', 'broken', 'damaged', 'fail', 'failed', 'failure', 'waste', 'wasted', 'bug', 'buggy'),
  ...scored(-2.4, 'bad', 'disappointed', 'disappointing', 'unhappy', 'annoyed', 'annoying', 'frustrated'),
  ...scored(-2.4, 'frustrating', 'upset', 'useless', 'rude', 'hopeless', 'unreliable', 'incorrect'),
  ...scored(-2.8, 'terrible', 'awful', 'horrible', 'unacceptable', 'nightmare', 'dreadful', 'shocking'),
  ...scored(-3.1, 'worst'),
  ...angry(-2.5, 'mad', 'sucks', 'stupid', 'ridiculous', 'lied', 'cheated', 'shame', 'shameful'),
  ...angry(-2.9, 'angry', 'pissed', 'pathetic', 'incompetent', 'liar', 'liars', 'scam', 'scammers', 'fraud'),
  ...angry(-3.2, 'furious', 'livid', 'outraged', 'hate', 'hated', 'disgusting', 'disgrace', 'idiot', 'idiots'),
  ...angry(-3.2, 'wtf', 'ffs', 'asshole', 'assholes', 'bastard', 'bastards'),
]);

/** Profanity: anger, unless it only intensifies a positive word ("fucking awesome"). */
const PROFANITY: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ...angry(-2.6, 'fuck', 'fucking', 'fucked', 'fck', 'shit', 'shitty', 'bullshit', 'crap', 'crappy'),
  ...angry(-2, 'damn', 'damned', 'goddamn', 'bloody', 'freaking'),
]);

const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'cannot', 'couldnt',
  'wont', 'wouldnt', 'shouldnt', 'hasnt', 'havent', 'hadnt', 'aint', 'nothing', 'nobody', 'none', 'neither', 'nor',
  'without', 'hardly', 'barely',
]);
/** Negation flips a valence and weakens it: "not bad" is only mildly positive. */
const NEGATION_FACTOR = -0.74;
const NEGATION_REACH = 3;

const BOOSTERS: ReadonlySet<string> = new Set([
  'very', 'so', 'really', 'extremely', 'absolutely', 'totally', 'completely', 'super', 'incredibly', 'utterly',
  'truly', 'highly', 'too', 'deeply', 'especially', 'beyond', 'insanely', 'unbelievably', 'most',
]);
const DAMPENERS: ReadonlySet<string> = new Set(['slightly', 'somewhat', 'kinda', 'sorta', 'fairly', 'bit', 'little']);
const BOOST = 1.3;
const DAMPEN = 0.6;
const CAPS_EMPHASIS = 1.5;

interface Phrase {
  pattern: RegExp;
  valence: number;
  anger?: true;
}

/** Matched on the text first and blanked out, so their words are not scored again. */
const PHRASES: readonly Phrase[] = [
  { pattern: /\bno thanks?(?: you)?\b|\bgood (?:morning|afternoon|evening|day)\b|\bkind of\b|\bsort of\b/gi, valence: 0 },
  { pattern: /\bthanks for nothing\b/gi, valence: -2.8, anger: ANGER },
  { pattern: /\b(?:thank you|thanks) (?:so much|very much|a lot|a million)\b/gi, valence: 2.8 },
  { pattern: /\b(?:not|isnt|is not|doesnt|does not|dont|do not|still not|stopped|never|cant|cannot) (?:work|working|works|worked)\b/gi, valence: -1.8 },
  {
    pattern:
      /\b(?:never|still (?:havent|hasnt|not)|havent|hasnt|have not|has not|didnt|did not) (?:received|arrived|got|gotten|come|came|shown up|showed up|been delivered|heard back)\b/gi,
    valence: -1.5,
  },
  { pattern: /\bstill waiting\b|\bwaiting (?:for )?(?:hours|days|weeks|ages|forever)\b/gi, valence: -1.8 },
  { pattern: /\b(?:third|fourth|fifth|\d+(?:st|nd|rd|th)) time\b|\bover and over\b|\bonce again\b/gi, valence: -1.5 },
  { pattern: /\bwaste of (?:my )?(?:time|money)\b/gi, valence: -2.5 },
  { pattern: /\bfed up\b|\bsick (?:and tired )?of\b|\bripped off\b|\brip ?off\b/gi, valence: -2.6, anger: ANGER },
  { pattern: /\bwhat the (?:hell|heck|fuck)\b|\bare you (?:kidding|serious|joking)\b|\bshut up\b/gi, valence: -2.8, anger: ANGER },
];

const EMOJI: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ...scored(2, '😀', '😃', '😄', '😁', '😊', '🙂', '😍', '🥰', '😘', '👍', '❤', '💯', '🎉', '👌', '🤩', '😎', '🥳'),
  ...scored(1, '🙏', '✅'),
  ...scored(-1.5, '🤦', '😕', '🙁', '☹', '😒', '🙄'),
  ...scored(-2.2, '😞', '😟', '😢', '😭', '👎', '💔', '😩', '😫'),
  ...angry(-3, '😡', '😠', '🤬', '👿', '💢', '😤'),
]);
const EMOTICONS: readonly Phrase[] = [
  { pattern: />:-?\(/g, valence: -2.5, anger: ANGER },
  { pattern: /(?:^|\s)[:=;]-?[)D](?=\s|$)/g, valence: 1.5 },
  { pattern: /(?:^|\s)(?::'?-?\(|-_-)(?=\s|$)/g, valence: -1.5 },
];

const EXCLAMATION_BONUS = 0.292;
const QUESTION_BONUS = 0.18;
/** Shouting a complaint is itself a sign of frustration, even without a negative word. */
const SHOUTING_VALENCE = -1.2;
const SHOUTING_FACTOR = 1.3;
const SQUASH_ALPHA = 15;

function scored(valence: number, ...words: string[]): [string, Entry][] {
  return words.map((word) => [word, { valence }]);
}

function angry(valence: number, ...words: string[]): [string, Entry][] {
  return words.map((word) => [word, { valence, anger: ANGER }]);
}

interface Signals {
  sum: number;
  anger: boolean;
}

function scorePhrases(text: string, phrases: readonly Phrase[], signals: Signals): string {
  let rest = text;
  for (const { pattern, valence, anger } of phrases) {
    rest = rest.replace(pattern, (match) => {
      signals.sum += isCaps(match) ? valence * CAPS_EMPHASIS : valence;
      if (anger) signals.anger = true;
      return ' ';
    });
  }
  return rest;
}

function scoreEmoji(text: string, signals: Signals): void {
  for (const [emoji] of text.matchAll(/\p{Extended_Pictographic}/gu)) {
    const entry = EMOJI.get(emoji);
    if (entry === undefined) continue;
    signals.sum += entry.valence;
    if (entry.anger) signals.anger = true;
  }
}

function isCaps(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

function scoreWords(tokens: readonly string[], shouting: boolean, signals: Signals): void {
  const words = tokens.map((token) => foldText(token));
  const lastBut = words.lastIndexOf('but');
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const profanity = PROFANITY.get(word);
    if (profanity !== undefined && (WORDS.get(words[i + 1] ?? '')?.valence ?? 0) > 0) continue;
    const entry = WORDS.get(word) ?? profanity;
    if (entry === undefined) continue;

    let valence = entry.valence;
    if (!shouting && isCaps(tokens[i])) valence *= CAPS_EMPHASIS;
    const previous = words[i - 1] ?? '';
    if (BOOSTERS.has(previous) || PROFANITY.has(previous)) valence *= isCaps(tokens[i - 1]) ? BOOST * CAPS_EMPHASIS : BOOST;
    else if (DAMPENERS.has(previous)) valence *= DAMPEN;
    const negated = words.slice(Math.max(0, i - NEGATION_REACH), i).some((w) => NEGATORS.has(w));
    if (negated) valence *= NEGATION_FACTOR;
    // After VADER: what follows "but" carries the message ("nice agent but the app is broken").
    if (lastBut >= 0) valence *= i < lastBut ? 0.5 : 1.5;

    signals.sum += valence;
    if (entry.anger && !negated) signals.anger = true;
  }
}

function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 8) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.7;
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

/** Tone of one message: a score in -1..1 and its label. */
export function analyzeTone(text: string): Tone {
  const signals: Signals = { sum: 0, anger: false };
  const plain = text.replace(/['’]/g, '');
  const shouting = isShouting(plain);

  const afterPhrases = scorePhrases(scorePhrases(plain, EMOTICONS, signals), PHRASES, signals);
  scoreEmoji(afterPhrases, signals);
  scoreWords(afterPhrases.match(/[\p{L}\p{N}]+/gu) ?? [], shouting, signals);

  if (shouting) {
    signals.sum = signals.sum > 0 ? signals.sum * SHOUTING_FACTOR : signals.sum * SHOUTING_FACTOR + SHOUTING_VALENCE;
    if (signals.sum < 0) signals.anger = true;
  }
  if (signals.sum !== 0) {
    const exclamations = Math.min(count(text, '!'), 4);
    const questions = signals.sum < 0 ? Math.min(count(text, '?'), 3) : 0;
    const emphasis = exclamations * EXCLAMATION_BONUS + (questions >= 2 ? questions * QUESTION_BONUS : 0);
    signals.sum += Math.sign(signals.sum) * emphasis;
    if (signals.sum < 0 && /!{2,}|\?!|!\?/.test(text)) signals.anger = true;
  }

  const score = round(signals.sum / Math.sqrt(signals.sum * signals.sum + SQUASH_ALPHA));
  return { label: toneLabel(score, signals.anger), score };
}

function toneLabel(score: number, anger: boolean): ToneLabel {
  if (score <= TONE_THRESHOLDS.angry && anger) return 'angry';
  if (score <= TONE_THRESHOLDS.frustrated) return 'frustrated';
  if (score >= TONE_THRESHOLDS.positive) return 'positive';
  return 'neutral';
}

function round(value: number): number {
  return Math.round(Math.max(-1, Math.min(1, value)) * 1000) / 1000;
}

// ---- Intent ----------------------------------------------------------------------------------

const LEGAL_THREAT =
  /\b(?:lawyers?|attorneys?|solicitors?|lawsuits?|legal (?:action|proceedings|steps|department)|small claims|class action|(?:take|taking) (?:you|this|it|them|your company|you guys) to court|see you in court|court case|sue (?:you|u|your|the|this|them|for)|(?:will|going to|gonna|ll|i|we|shall) sue|suing|report (?:you|this|your company|it) to (?:the )?(?:bbb|ftc|authorities|police|regulators?|consumer protection|trading standards|ombudsman)|consumer protection|abogados?|avocats?|anwalt|anwaltin|advogados?)\b/;
const REFUND =
  /\b(?:refund(?:s|ed|ing)?|money back|reimburse(?:d|ment)?|return (?:the|my) money|pay me back|give me back my money|give me my money|chargeback|charge back|reembolso|remboursement|rembourser|erstattung|ruckerstattung|geld zuruck|devolucion|devolver (?:el|mi) dinero)\b/;
const NOT_REFUND = /\b(?:dont|do not|not) (?:want|need|asking for|looking for) (?:a |any )?refund\b/g;
const CANCEL =
  /\b(?:(?:cancel|cancell?ing|terminate|terminating|end|stop|discontinue) (?:my |the |our |this |your )?(?:order|subscription|plan|membership|account|booking|reservation|service|contract|renewal|trial|auto ?renew(?:al)?|payments?|sub)s?|(?:close|delete|remove|deactivate|shut down|get rid of) (?:my |our |the )?(?:account|profile|data)|(?:want|like|need|how (?:do|can) i|how to|please|can i|can you|could you|ll|going to|gonna|wanna|would like to|id like to) (?:to )?cancel|unsubscribe|cancell?ation|cancelar|annuler|resilier|kundigen|stornieren)\b/;
const NOT_CANCEL = /\b(?:dont|do not|not|never) (?:want to |wanna |need to |trying to )?cancel\b/g;
const COMPLAINT =
  /\b(?:complaints?|complain(?:ing|ed)?|unacceptable|disgraceful|appalling|(?:worst|terrible|horrible|awful|poor|bad|lousy) (?:customer )?(?:service|experience|support|company)|never (?:buy|order|shop|use) (?:from |with )?(?:you|this|again)|not good enough|reclamacion|reclamar|plainte|beschwerde|reclamacao)\b/;

function intentOf(text: string): Intent {
  if (detectHumanRequest(text)) return 'human_request';
  const folded = foldText(text).replace(/'/g, '');
  if (LEGAL_THREAT.test(folded)) return 'legal_threat';
  if (REFUND.test(folded.replace(NOT_REFUND, ' '))) return 'refund';
  if (CANCEL.test(folded.replace(NOT_CANCEL, ' '))) return 'cancel';
  if (COMPLAINT.test(folded)) return 'complaint';
  return 'other';
}

/** Tone and intent of a visitor message. Pure and deterministic: the same text always gives the same analysis. */
export function analyzeMessage(text: string): Analysis {
  return { tone: analyzeTone(text), intent: intentOf(text) };
}
