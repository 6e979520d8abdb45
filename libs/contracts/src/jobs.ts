/** Every BullMQ job Parley runs. The worker fails to start if one has no handler or two. */
export enum JobName {
  /** Analyse a visitor message, decide on escalation, and let the bot answer if it should. */
  VisitorMessage = 'visitor-message',
}

export const QUEUE_NAME = 'conversations';

export interface VisitorMessageJob {
  name: JobName.VisitorMessage;
  data: { orgId: string; conversationId: string; messageId: string };
}

export type Job = VisitorMessageJob;
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
} satisfies { [N in JobName]: (data: JobData<N>) => object };
