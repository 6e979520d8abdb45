import type { JobData, JobName } from '@parley/contracts';

/** One handler per job name; the runner refuses to start with a name unhandled or handled twice. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(data: JobData<N>): Promise<void>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
