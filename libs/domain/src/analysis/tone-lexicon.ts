import type { Tone, ToneLabel } from '@parley/contracts';
import { foldText } from '../text/fold';
import { anyOf } from '../text/word-pattern';
import emojiLexicon from './model/emoji-lexicon.json';
import vaderLexicon from './model/vader-lexicon.json';

/*
 * Lexicon side of the tone analysis, after VADER: word valences summed with negation, boosters,
 * emphasis and punctuation, then squashed into -1..1. Parley's own support-chat words and phrases
 * come first; any other word falls back to the VADER lexicon (model/vader-lexicon.json). Its
 * signals are features of the trained tone model (tone-model.ts), and its score is the fallback
 * when a message has no word the model knows.
 */

/** Score limits of the labels; `angry` also needs an anger marker (anger word, profanity, shouting...). */
export const TONE_THRESHOLDS = { angry: -0.4, frustrated: -0.2, positive: 0.25 } as const;

interface Entry {
  valence: number;
  anger?: true;
}

const ANGER = true;

const WORDS: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ...scored(1.9, 'thanks thank good glad'),
  ...scored(1.5, 'thx helped easy kind fixed resolved works worked nice'),
  ...scored(2.2, 'great helpful appreciate appreciated pleased satisfied solved friendly'),
  ...scored(2.6, 'happy love loved lovely perfect brilliant grateful yay'),
  ...scored(3, 'awesome amazing excellent wonderful fantastic superb outstanding'),
  ...scored(1.3, 'cool'),
  // Words VADER scores as praise that in a support chat name things or ask politely: "customer
  // support", "help me", "please refund", "credit card", "pretty bad", "is this a joke".
  ...scored(
    0,
    'support supports supported help helps please care credit joke kidding pretty gift',
  ),
  ...scored(-0.4, 'issue issues'),
  ...scored(-0.6, 'problem problems error errors seriously'),
  ...scored(-1.3, 'confused confusing slow late delayed missing wrong stuck worried ugh'),
  ...scored(-2, 'poor sad broken damaged fail failed failure waste wasted bug buggy'),
  ...scored(-2.4, 'bad disappointed disappointing unhappy frustrated frustrating upset'),
  ...scored(-2.4, 'useless rude hopeless unreliable incorrect'),
  ...scored(-2.8, 'terrible awful horrible unacceptable nightmare dreadful shocking'),
  ...scored(-3.1, 'worst'),
  ...angry(-2.5, 'mad sucks stupid ridiculous lied cheated shame shameful'),
  ...angry(-2.9, 'angry pissed pathetic incompetent liar liars scam scammers fraud'),
  ...angry(-3.2, 'furious livid outraged hate hated disgusting disgrace idiot idiots'),
  ...angry(-3.2, 'wtf ffs asshole assholes bastard bastards'),
  // Insults and contempt: anger aimed at someone, the commonest implicit anger.
  ...angry(
    -2.5,
    `dumb dumbass moron morons imbecile idiotic stupidity jerk jerks prick bitch scum trash garbage clown
    clowns loser losers hypocrite hypocrites coward cowards selfish arrogant shameless despicable crooks
    thieves thief hates hating despise despised loathe filthy horrid horseshit cunt`,
  ),
  // Disgust (GoEmotions' disgust is angry here) and words of rage.
  ...angry(
    -2.8,
    `disgusted disgust gross nasty vile revolting sickening repulsive nauseating creepy appalling
    outrageous infuriating infuriated enraged rage hateful insulting`,
  ),
  // Anger felt and named, in the broad sense emotion taxonomies give it (Shaver's anger family:
  // irritation, exasperation, rage, resentment, contempt): "#annoyed", "i feel so irritated".
  ...angry(
    -2.4,
    `annoyed annoying annoys annoyance irritated irritating irritates irritation irked irks irksome peeved miffed
    aggravated aggravating agitated exasperated exasperating grumpy grouchy cranky resentful resent resentment
    bitter bitterness spiteful vengeful hostile hostility wrath offended infuriates`,
  ),
  // Rage and contempt words from outside Reddit: tweets and support chats.
  ...angry(
    -2.8,
    `fuming seething irate incensed enraging maddening disgraceful shambles scandalous atrocious abysmal
    robbed robbery extortion thieving crooked conned swindled corrupt`,
  ),
  ...scored(-1.8, 'crashed crashes crashing glitchy laggy'),
  ...scored(2, 'genius'),
  // A few words of the other languages whose requests are recognised (no tone model for them).
  ...scored(
    -2.2,
    `decu decue decus decues decepcionado decepcionada enttauscht enttaeuscht decepcao inaceptable
    inacceptable inakzeptabel inaceitavel pessimo pessima horrible horrivel schrecklich nul nulle`,
  ),
  ...angry(-2.8, 'furieux furieuse furioso furiosa wutend verargert harto harta indignado indignada arrabbiato arrabbiata vergogna vergognoso schifo'),
  ...scored(-2.2, 'deluso delusa pessimo pessima inaccettabile'),
  ...scored(
    -2,
    `mauvais mauvaise malo mala schlecht scadente lamentable lamentavel catastrophique catastrofico catastrofica
    desastre desastroso desastrosa descontento descontenta descontentamento mecontent mecontente unzufrieden
    insoddisfatto insoddisfatta insatisfeito insatisfeita insatisfecho insatisfecha inadmissible inadmisible
    inammissibile`,
  ),
  ...angry(-2.5, 'ridicule ridiculo ridicula lacherlich ridicolo ridicola verguenza vergonha palhacada'),
  // Bricked, wiped, lost: what a failed product did.
  ...scored(-2, 'bricked bootloop'),
  ...scored(2.2, 'gracias merci danke obrigado obrigada genial parfait perfecto perfeito super'),
]);

/** VADER's valences (-4..4) for the words Parley's list does not score. */
const VADER: ReadonlyMap<string, number> = new Map(
  vaderLexicon.words.map((word, i): [string, number] => [word, vaderLexicon.valences[i]]),
);

/** Profanity: anger, unless it only intensifies a positive word ("fucking awesome"). */
const PROFANITY: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ...angry(-2.6, 'fuck fucking fucked fck shit shitty bullshit crap crappy'),
  ...angry(-2, 'damn damned goddamn bloody freaking'),
]);

const NEGATORS: ReadonlySet<string> = wordSet(`
  not no never dont doesnt didnt isnt wasnt arent werent cant cannot couldnt wont wouldnt shouldnt hasnt havent
  hadnt aint nothing nobody none neither nor without hardly barely`);
/** Negation flips a valence: "not happy" is negative, but "not bad" or "not angry" are only faintly positive. */
const NEGATED_POSITIVE = -0.74;
const NEGATED_NEGATIVE = -0.3;
const NEGATION_REACH = 3;

const BOOSTERS: ReadonlySet<string> = wordSet(`
  very so really extremely absolutely totally completely super incredibly utterly truly highly too deeply
  especially beyond insanely unbelievably most pretty`);
const DAMPENERS: ReadonlySet<string> = wordSet('slightly somewhat kinda sorta fairly bit little');
const BOOST = 1.3;
const DAMPEN = 0.6;
const CAPS_EMPHASIS = 1.5;

interface Phrase {
  pattern: RegExp;
  valence: number;
  anger?: true;
}

const NOT_EVEN = '(?:not|isnt|is not|doesnt|does not|dont|do not|still not|stopped|never|cant|cannot)';
const NOT_YET = '(?:never|still (?:havent|hasnt|not)|havent|hasnt|have not|has not|didnt|did not)';

/** Matched on the text first and blanked out, so their words are not scored again. */
const PHRASES: readonly Phrase[] = [
  {
    pattern: anyOf(String.raw`
      no thanks?(?: you)? | good (?:morning|afternoon|evening|day) | kind of | sort of
      no need | no rush | no hurry | no pressure
      (?:been|is|was|looks|look|feels|seems|its) like (?:this|that) | like \d+ | (?:id|i would|would you|we would) like`),
    valence: 0,
  },
  { pattern: anyOf('thanks for nothing'), valence: -2.8, anger: ANGER },
  { pattern: anyOf('(?:thank you|thanks) (?:so much|very much|a lot|a million)'), valence: 2.8 },
  { pattern: anyOf(`${NOT_EVEN} (?:work|working|works|worked)`), valence: -1.8 },
  {
    pattern: anyOf(
      `${NOT_YET} (?:received|arrived|got|gotten|come|came|shown up|showed up|been delivered|heard back)`,
    ),
    valence: -1.5,
  },
  { pattern: anyOf('still waiting | waiting (?:for )?(?:hours|days|weeks|ages|forever)'), valence: -1.8 },
  {
    pattern: anyOf(String.raw`(?:third|fourth|fifth|\d+(?:st|nd|rd|th)) time | over and over | once again`),
    valence: -1.5,
  },
  { pattern: anyOf('waste of (?:my )?(?:time|money)'), valence: -2.5 },
  { pattern: anyOf('(?:i|we) miss (?:you|him|her|them|my|our|it) | (?:so|pretty|well|absolutely) gutted | heartbroken'), valence: -2.2 },
  { pattern: anyOf(String.raw`(?:cant|cannot|can not) wait | 10/10 | 10 out of 10 | so proud | made my day`), valence: 2.4 },
  {
    pattern: anyOf(String.raw`
      keeps? (?:crashing|failing|freezing|breaking|logging me out)
      (?:charged|billed) (?:me )?twice | double (?:charged|billed) | overcharged
      still nothing | still no (?:reply|response|answer|update|news)
      no (?:one|body) (?:answers|replies|responds|helps) | on hold for
      (?:\d+|two|three|four|five|ten|twenty|thirty|forty) (?:minutes|mins|hours|hrs|days|weeks) on hold
      (?:\d+|two|three|four|five|six) (?:hours|hrs|days|weeks|months) (?:on the tarmac|in (?:a|the) queue|stuck|late|delayed|without)
      waiting (?:for )?(?:\d+|two|three|four|five|ten|twenty|thirty|forty) (?:minutes|mins|hours|hrs|days|weeks)`),
    valence: -1.8,
  },
  { pattern: anyOf('fed up | sick (?:and tired )?of | ripped off | rip ?off'), valence: -2.6, anger: ANGER },
  {
    // What was bought and what came are not the same: a complaint stated as a fact.
    pattern: anyOf(String.raw`
      stopped (?:working|charging|loading|responding|syncing) | (?:arrived|came|turned up|showed up|delivered) (?:broken|damaged|late|cold|open|opened|torn|wet|soaked|crushed|smashed|empty|defective|faulty)
      never (?:arrived|came|turned up|showed up|got here) | (?:didnt|did not|doesnt|does not|hasnt|has not) (?:arrive|apply|turn up|show up)
      (?:left|dumped|thrown|threw) (?:it |my \w+ |the \w+ )?(?:in the rain|outside|over the fence) | soaked | expected better
      wrong (?:item|items|size|colour|color|order|product|address|parcel) | without (?:asking|permission|my consent|warning)
      (?:down|broken|crashing|offline) again | keeps? (?:erroring|error|going down|dropping|cutting out|rebooting|restarting|losing|disconnecting|freezing|logging me out|crashing)
      (?:hasnt|has not|havent|have not) (?:moved|updated|recorded|worked|shipped|been shipped|been delivered) (?:in|for) | (?:getting|keep getting|got) (?:an? )?error
      (?:came|arrived) with (?:a )?(?:cracked|broken|damaged|missing|smashed|dented|scratched)
      (?:was|were|been|got|get) (?:charged|billed) | you (?:charged|billed) | renewed (?:my \w+ |it )?without`),
    valence: -2.3,
  },
  {
    // A demand made forcefully: "I want my money back", "refund it. now.", "just cancel it".
    pattern: anyOf(String.raw`
      (?:i want|give me|want) (?:my|our|that|every|all my|all of my) (?:money|cent|penny|pound|dollar) back | (?:refund|cancel|fix|sort) (?:it|this|that|me)?[.!]* (?:now|immediately|right now|asap)
      just cancel it | (?:im|i am) (?:so |totally |absolutely |completely )?done with`),
    valence: -2.2,
    anger: ANGER,
  },
  {
    pattern: anyOf(String.raw`
      what the (?:hell|heck|fuck) | are you (?:kidding|serious|joking) | shut up | how dare
      screw (?:you|this|that|them) | go to hell | piss off | get lost | get a life
      shame on (?:you|them|him|her) | who do you think you are
      (?:what|whats) (?:is |the hell is )?wrong with (?:you|u|your|this company|these people|them)
      why the (?:hell|heck|fuck) | the hell | you people | are you even listening | do you even care
      (?:this|that) is (?:the )?last straw | (?:the|my|final) last straw | were the last straw | was the last straw | (?:im|i am) done with (?:you|this|your) | (?:ive|i have) had it
      had enough | taking my business elsewhere | (?:is|what|such) an? (?:absolute |complete |total )?joke
      (?:absolute|complete|total|utter|bloody|fucking) joke
      joke of an? | how you treat | treat(?:ing|ed)? (?:me|us|your customers|customers) like
      makes? my blood boil | (?:i|ill|i will|im going to|gonna) lose (?:it|my mind) | sorry my (?:arse|ass)
      fix your | i expect (?:an apology|a full refund|better|my money)
      how (?:hard|difficult) (?:is it|can it be) | should be (?:embarrassed|ashamed) | sort it out
      the way (?:i|ive|i have|weve|we have) been treated | (?:^|[.!] )unbelievable[.!]*$
      (?:dont|do not) (?:valued customer|sir|madam) me`),
    valence: -2.8,
    anger: ANGER,
  },
];

/**
 * Emoji: Parley's own readings first (support chats, and emoji newer than the ranking), then the
 * Emoji Sentiment Ranking's (model/emoji-lexicon.json, from tweets). 😭 and 💀 are as often joy
 * or laughter as grief, so they count little.
 */
const EMOJI: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ...emojiLexicon.emoji.map((emoji, i): [string, Entry] => [emoji, { valence: emojiLexicon.valences[i] }]),
  ...scored(2, '😀 😃 😄 😁 😊 🙂 😍 🥰 😘 👍 ❤ 💯 🎉 👌 🤩 😎 🥳 💛 💙 💚 💜 🧡 🤍 🤎 💖 💕'),
  ...scored(1.5, '😂 🤣 💪 🙌 ☺ 🤗'),
  ...scored(1, '🙏 ✅'),
  ...scored(0, '💀'),
  ...scored(-0.8, '😭 🥲 🥺'),
  ...scored(-1.5, '🤦 😕 🙁 ☹ 😒 🙄 🙃 😬 🥶 🫠 😑 😐'),
  ...scored(-2.2, '😞 😟 😢 👎 💔 😩 😫 😔'),
  ...angry(-3, '😡 😠 🤬 👿 💢 😤 🤡 🖕'),
]);
const EMOTICONS: readonly Phrase[] = [
  { pattern: />:-?\(/, valence: -2.5, anger: ANGER },
  { pattern: /(?:^|\s)[:=;]-?[)D](?=\s|$)/, valence: 1.5 },
  { pattern: /(?:^|\s)(?::'?-?\(|-_-)(?=\s|$)/, valence: -1.5 },
];

const TOKEN = /[\p{L}\p{N}]+|[.,;:!?]/gu;
const PUNCTUATION = /^[.,;:!?]$/;
const ASCII = /^[\x20-\x7e]*$/;
const PHRASE_PATTERN = compilePhrases(PHRASES);
const EMOTICON_PATTERN = compilePhrases(EMOTICONS);
const EXCLAMATION_BONUS = 0.292;
const QUESTION_BONUS = 0.18;
/** Shouting a complaint is itself a sign of frustration, even without a negative word. */
const SHOUTING_VALENCE = -1.2;
const SHOUTING_FACTOR = 1.3;
const SQUASH_ALPHA = 15;

function scored(valence: number, words: string): [string, Entry][] {
  return [...wordSet(words)].map((word) => [word, { valence }]);
}

function angry(valence: number, words: string): [string, Entry][] {
  return [...wordSet(words)].map((word) => [word, { valence, anger: ANGER }]);
}

function wordSet(words: string): Set<string> {
  return new Set(words.trim().split(/\s+/));
}

interface Signals {
  sum: number;
  positive: number;
  negative: number;
  anger: boolean;
  angerWords: number;
  directed: boolean;
  profanity: boolean;
  negation: boolean;
}

function add(signals: Signals, valence: number): void {
  signals.sum += valence;
  if (valence > 0) signals.positive += valence;
  else signals.negative -= valence;
}

/** One pass over the text for a list of phrases: each phrase is a capture group of one regex. */
function compilePhrases(phrases: readonly Phrase[]): RegExp {
  return new RegExp(phrases.map(({ pattern }) => `(${pattern.source})`).join('|'), 'gi');
}

function scorePhrases(text: string, phrases: readonly Phrase[], compiled: RegExp, signals: Signals): string {
  return text.replace(compiled, (match: string, ...groups: unknown[]) => {
    const phrase = phrases[groups.findIndex((group) => group !== undefined)];
    add(signals, isCaps(match) ? phrase.valence * CAPS_EMPHASIS : phrase.valence);
    if (phrase.anger) {
      signals.anger = true;
      signals.angerWords++;
    }
    return ' ';
  });
}

function scoreEmoji(text: string, signals: Signals): void {
  for (const [emoji] of text.matchAll(/\p{Extended_Pictographic}/gu)) {
    const entry = EMOJI.get(emoji);
    if (entry === undefined) continue;
    add(signals, entry.valence);
    if (entry.anger) signals.anger = true;
  }
}

function isCaps(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

function isPunctuation(token: string): boolean {
  return PUNCTUATION.test(token);
}

function sentimentOf(word: string): Entry | undefined {
  const own = WORDS.get(word) ?? PROFANITY.get(word);
  if (own !== undefined) return own;
  const valence = VADER.get(word);
  return valence === undefined ? undefined : { valence };
}

const isKnown = (word: string): boolean =>
  sentimentOf(word) !== undefined || NEGATORS.has(word) || BOOSTERS.has(word) || DAMPENERS.has(word);

/**
 * A word as the lexicon knows it: an elongation ("soooo", "goooood", "hateeee") loses its
 * repeated letters, to two and then to one, until a known word appears.
 */
export function canonicalWord(word: string): string {
  if (!/(\p{L})\1/u.test(word) || isKnown(word)) return word;
  const two = word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  if (isKnown(two)) return two;
  const one = two.replace(/(\p{L})\1+/gu, '$1');
  return isKnown(one) ? one : two;
}

/** A negator up to three words back governs this word, unless punctuation or another sentiment word comes between. */
function isNegated(words: readonly string[], index: number): boolean {
  for (let i = index - 1; i >= Math.max(0, index - NEGATION_REACH); i--) {
    if (NEGATORS.has(words[i])) return true;
    if (isPunctuation(words[i]) || sentimentOf(words[i]) !== undefined) return false;
  }
  return false;
}

const SECOND_PERSON: ReadonlySet<string> = wordSet('you your youre yours yourself yourselves u ur yall');
/** A word this negative in the same clause as "you" aims the message at someone: "you are useless". */
const DIRECTED_VALENCE = -1.5;

function scoreWords(tokens: readonly string[], shouting: boolean, signals: Signals): void {
  const words = tokens.map((token) => canonicalWord(ASCII.test(token) ? token.toLowerCase() : foldText(token)));
  const lastBut = words.lastIndexOf('but');
  let clauseHasYou = false;
  let clauseNegative = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (isPunctuation(word)) {
      clauseHasYou = false;
      clauseNegative = false;
      continue;
    }
    if (SECOND_PERSON.has(word)) {
      clauseHasYou = true;
      if (clauseNegative) signals.directed = true;
    }
    const profanity = PROFANITY.get(word);
    if (profanity !== undefined && (WORDS.get(words[i + 1] ?? '')?.valence ?? 0) > 0) continue;
    const entry = sentimentOf(word);
    if (entry === undefined) continue;

    let valence = entry.valence;
    if (!shouting && isCaps(tokens[i])) valence *= CAPS_EMPHASIS;
    const previous = words[i - 1] ?? '';
    if (BOOSTERS.has(previous) || PROFANITY.has(previous))
      valence *= isCaps(tokens[i - 1]) ? BOOST * CAPS_EMPHASIS : BOOST;
    else if (DAMPENERS.has(previous)) valence *= DAMPEN;
    const negated = isNegated(words, i);
    if (negated) {
      valence *= valence > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
      signals.negation = true;
    }
    // After VADER: what follows "but" carries the message ("nice agent but the app is broken").
    if (lastBut >= 0) valence *= i < lastBut ? 0.5 : 1.5;

    add(signals, valence);
    if (entry.valence <= DIRECTED_VALENCE && !negated) {
      clauseNegative = true;
      if (clauseHasYou) signals.directed = true;
    }
    if (entry.anger && !negated) {
      signals.anger = true;
      signals.angerWords++;
    }
    if (PROFANITY.has(word)) signals.profanity = true;
  }
}

function isShouting(text: string): boolean {
  if (!/\p{Lu}{2}/u.test(text)) return false;
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

/**
 * Irony that turns praise around: "yeah right", "great, just great", "thanks a lot for nothing",
 * "amazing service /s", "love waiting on hold".
 */
const SARCASM = anyOf(
  String.raw`
  yeah right | yea right | ya right | sure you (?:are|do|will|did) | great just great
  oh (?:great|wonderful|perfect|joy)
  just what i (?:needed|wanted) | (?:thanks|thank you) (?:so much |a lot )?for (?:nothing|wasting)
  love (?:it )?(?:how|when|waiting|being (?:ignored|charged|on hold)) | (?:lucky|love) me | slow clap
  (?:just |really |absolutely )?love (?:paying|getting charged|being charged|having to|waiting|being ignored|being lied to)
  what a (?:joke|surprise|shock) | how (?:nice|lovely|wonderful|convenient)(?: of you)?$`,
  'i',
);
const SARCASM_TAG = /(?:^|\s)\/s\s*$|#sarcasm\b|🙃/iu;
/**
 * Praise alone at the end, after a complaint: "the bus drove past me. in the rain. lovely.",
 * "apparently 'unlimited' means 15GB. cool cool cool".
 */
/** The closing remark read for irony: at most this many words, in the last two sentences. */
const CLOSING_WORDS = 5;
/** A sarcastic message's praise counts against it. */
const SARCASM_FLIP = -0.8;
const SARCASM_VALENCE = -1.2;

const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
const MENTION = /(?<![\p{L}\p{N}])@[\p{L}\p{N}_]+/gu;
const HASHTAG = /#([\p{L}\p{N}_]+)/gu;

/**
 * Social-media text as words: links and @mentions carry no tone and go; a hashtag is read as its
 * words ("#NotHappy" → "Not Happy", "#fail" → "fail").
 */
function withoutLinks(text: string): string {
  if (!/[:@#w]/.test(text)) return text;
  return text
    .replace(LINK, ' ')
    .replace(MENTION, ' ')
    .replace(HASHTAG, (_, tag: string) => tag.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/_/g, ' '));
}

/**
 * Praise closing a complaint: a short last remark (one of the last two sentences) with praise and
 * nothing negative, after a message the lexicon reads as mostly negative ("stuck in
 * Rome with no cash. great planning", "3 hours on the tarmac. Cool. Very cool."); "it was broken,
 * now it works. great, thanks" is thanks.
 */
function closesWithIrony(text: string): boolean {
  const sentences = text.trim().split(/(?<=[.!?])\s+/);
  if (sentences.length < 2) return false;
  for (let i = sentences.length - 1; i >= Math.max(1, sentences.length - 2); i--) {
    if (!isPraiseRemark(sentences[i])) continue;
    // "Cool. Very cool.": the remarks before it belong to the closing, not to the complaint.
    let start = i;
    while (start > 1 && isPraiseRemark(sentences[start - 1])) start--;
    const before = readSignals(sentences.slice(0, start).join(' '), false);
    return before.score < 0 && before.positive < before.negative / 2;
  }
  return false;
}

/** A short remark with praise and nothing negative: "great planning", "Very cool.", "cheers for that". */
function isPraiseRemark(sentence: string): boolean {
  const words = sentence.match(TOKEN)?.filter((token) => !isPunctuation(token)) ?? [];
  if (words.length === 0 || words.length > CLOSING_WORDS) return false;
  const signals = emptySignals();
  scoreWords(words, false, signals);
  return signals.positive > 0 && signals.negative === 0;
}

function emptySignals(): Signals {
  return { sum: 0, positive: 0, negative: 0, anger: false, angerWords: 0, directed: false, profanity: false, negation: false };
}

/** What the lexicon reads in a message: the inputs of the tone model. */
export interface LexiconSignals {
  /** The summed valence squashed into -1..1. */
  score: number;
  /** Sums of the positive and of the negative valences, each squashed into 0..1. */
  positive: number;
  negative: number;
  /** An anger marker: an anger word or emoji, profanity, shouting or "!!!" in a negative message. */
  anger: boolean;
  profanity: boolean;
  /** A sentiment word under negation: "not happy", "not bad". */
  negation: boolean;
  /** Anger words and phrases (insults, disgust, "how dare"), not negated, at most 3. */
  angerWords: number;
  /** A clearly negative word in the same clause as "you": "you are useless", "your stupid app". */
  directed: boolean;
  shouting: boolean;
  sarcasm: boolean;
  exclamations: number;
  questions: number;
}

export function lexiconSignals(text: string): LexiconSignals {
  return readSignals(text, true);
}

/** The lexicon's reading; `irony`: also look for praise closing a complaint (not in that complaint). */
function readSignals(text: string, irony: boolean): LexiconSignals {
  const signals = emptySignals();
  const plain = withoutLinks(text).replace(/['’]/g, '');
  const shouting = isShouting(plain);
  const folded = foldText(plain).replace(/[^\p{L}\p{N}/#\s]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const sarcasm = SARCASM.test(folded) || SARCASM_TAG.test(text) || (irony && closesWithIrony(plain));

  const afterEmoticons = scorePhrases(plain, EMOTICONS, EMOTICON_PATTERN, signals);
  const afterPhrases = scorePhrases(afterEmoticons, PHRASES, PHRASE_PATTERN, signals);
  scoreEmoji(afterPhrases, signals);
  scoreWords(afterPhrases.match(TOKEN) ?? [], shouting, signals);

  if (sarcasm) {
    signals.sum =
      signals.sum > 0 ? signals.sum * SARCASM_FLIP + SARCASM_VALENCE : signals.sum + SARCASM_VALENCE;
  }
  if (shouting) {
    signals.sum =
      signals.sum > 0 ? signals.sum * SHOUTING_FACTOR : signals.sum * SHOUTING_FACTOR + SHOUTING_VALENCE;
    if (signals.sum < 0) signals.anger = true;
  }
  const exclamations = Math.min(count(text, '!'), 4);
  const questions = Math.min(count(text, '?'), 3);
  if (signals.sum !== 0) {
    const negativeQuestions = signals.sum < 0 ? questions : 0;
    const emphasis =
      exclamations * EXCLAMATION_BONUS + (negativeQuestions >= 2 ? negativeQuestions * QUESTION_BONUS : 0);
    signals.sum += Math.sign(signals.sum) * emphasis;
    if (signals.sum < 0 && /!{2,}|\?!|!\?/.test(text)) signals.anger = true;
  }
  if (signals.profanity && signals.sum < 0) signals.anger = true;

  return {
    score: round(squash(signals.sum)),
    positive: squash(signals.positive),
    negative: squash(signals.negative),
    anger: signals.anger && signals.sum < 0,
    profanity: signals.profanity,
    negation: signals.negation,
    angerWords: Math.min(signals.angerWords, 3),
    directed: signals.directed,
    shouting,
    sarcasm,
    exclamations,
    questions,
  };
}

function squash(sum: number): number {
  return sum / Math.sqrt(sum * sum + SQUASH_ALPHA);
}

/** Tone from the lexicon alone: a score in -1..1 and its label. */
export function lexiconTone(text: string): Tone {
  const { score, anger } = lexiconSignals(text);
  return { label: toneLabel(score, anger), score };
}

export function toneLabel(score: number, anger: boolean): ToneLabel {
  if (score <= TONE_THRESHOLDS.angry && anger) return 'angry';
  if (score <= TONE_THRESHOLDS.frustrated) return 'frustrated';
  if (score >= TONE_THRESHOLDS.positive) return 'positive';
  return 'neutral';
}

function round(value: number): number {
  return Math.round(Math.max(-1, Math.min(1, value)) * 1000) / 1000;
}
