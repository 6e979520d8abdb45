import { JobName } from '@parley/contracts';
import type { JobHandler } from './job-handler';
import { buildHandlerMap } from './job-runner';

const handler = (jobName: JobName): JobHandler => ({ jobName, handle: async () => undefined });

describe('the job registry', () => {
  it('maps every job name to its one handler', () => {
    const visitorMessage = handler(JobName.VisitorMessage);
    const embedArticle = handler(JobName.EmbedArticle);
    expect(buildHandlerMap([visitorMessage, embedArticle]).get(JobName.VisitorMessage)).toBe(visitorMessage);
  });

  it('refuses to start when a job has two handlers', () => {
    expect(() => buildHandlerMap([handler(JobName.VisitorMessage), handler(JobName.VisitorMessage)])).toThrow(
      'job "visitor-message" has two handlers',
    );
  });

  it('refuses to start when a job has no handler', () => {
    expect(() => buildHandlerMap([handler(JobName.EmbedArticle)])).toThrow('no handler for job(s): visitor-message');
  });
});
