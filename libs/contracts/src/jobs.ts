/** Every BullMQ job Parley runs. The worker fails to start if one has no handler or two. */
export enum JobName {
  /** Analyse a visitor message, decide on escalation, and let the bot answer if it should. */
  VisitorMessage = 'visitor-message',
  /** Embed the passages of an article that the configured embeddings model has not embedded yet. */
  EmbedArticle = 'embed-article',
}

export const QUEUE_NAME = 'conversations';

export interface VisitorMessageJob {
  name: JobName.VisitorMessage;
  data: { orgId: string; conversationId: string; messageId: string };
}

export interface EmbedArticleJob {
  name: JobName.EmbedArticle;
  /** `version`: the article's updatedAt in ms, so each write gets its own job. */
  data: { orgId: string; articleId: string; version: number };
}

export type Job = VisitorMessageJob | EmbedArticleJob;
export type JobData<N extends JobName> = Extract<Job, { name: N }>['data'];

/** Job options decided in one place: dedup ids, attempts and backoff. */
export const jobOptions = {
  [JobName.VisitorMessage]: (data: JobData<JobName.VisitorMessage>) => ({
    jobId: `visitor-message-${data.messageId}`,
    attempts: 3,
    backoff: { type: 'exponential' as const, delay: 500 },
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  }),
  [JobName.EmbedArticle]: (data: JobData<JobName.EmbedArticle>) => ({
    jobId: `embed-article-${data.articleId}-${data.version}`,
    attempts: 5,
    backoff: { type: 'exponential' as const, delay: 2_000 },
    // Behind visitor messages: a reply waits for nobody's embeddings.
    priority: 10,
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  }),
} satisfies { [N in JobName]: (data: JobData<N>) => object };
