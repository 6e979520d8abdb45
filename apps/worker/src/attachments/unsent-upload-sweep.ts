import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ATTACHMENT_STORAGE, AttachmentsRepository, type AttachmentStorage } from '@parley/data';
import { WORKER_CONFIG, type WorkerConfig } from '../worker-config';

/** Uploads removed per statement; a sweep repeats until none is left. */
const BATCH = 500;

/**
 * Deletes uploads a visitor never sent with a message (an attach that was abandoned, a closed tab)
 * once they are UNSENT_UPLOAD_TTL_HOURS old: the row first, in one statement, then the file. Runs
 * at start and every UNSENT_UPLOAD_SWEEP_MINUTES; several workers may sweep at once, each row goes
 * to one of them.
 */
@Injectable()
export class UnsentUploadSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UnsentUploadSweep.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly attachments: AttachmentsRepository,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    const run = (): void => {
      this.sweep().catch((error: unknown) => this.logger.warn(`unsent upload sweep failed: ${String(error)}`));
    };
    run();
    this.timer = setInterval(run, this.config.UNSENT_UPLOAD_SWEEP_MINUTES * 60_000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Removes every unsent upload older than the TTL; returns how many. One sweep at a time. */
  sweep(now = new Date()): Promise<number> {
    this.running ??= this.removeAll(new Date(now.getTime() - this.config.UNSENT_UPLOAD_TTL_HOURS * 3_600_000)).finally(
      () => (this.running = undefined),
    );
    return this.running;
  }

  private async removeAll(before: Date): Promise<number> {
    let removed = 0;
    for (;;) {
      const keys = await this.attachments.removeUnsent(before, BATCH);
      for (const key of keys) {
        // A file left behind is only disk space; the row, which made it reachable, is gone.
        await this.storage.delete(key).catch((error: unknown) => this.logger.warn(`could not delete upload file: ${String(error)}`));
      }
      removed += keys.length;
      if (keys.length < BATCH) break;
    }
    if (removed > 0) this.logger.log(`deleted ${removed} upload(s) never sent with a message`);
    return removed;
  }
}
