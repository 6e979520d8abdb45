import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { AgentPresence } from '@parley/data';

interface Entry {
  orgId: string;
  userId: string;
}

/**
 * Keeps this API process's agent sockets in the shared presence set: added on connect, removed on
 * disconnect, refreshed on a heartbeat so they expire if the process dies without saying so.
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private readonly logger = new Logger(PresenceService.name);
  private readonly sockets = new Map<string, Entry>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly presence: AgentPresence) {
    this.heartbeat = setInterval(() => void this.refresh(), Math.floor(presence.ttlMs / 3));
    this.heartbeat.unref();
  }

  async connected(socketId: string, entry: Entry): Promise<void> {
    this.sockets.set(socketId, entry);
    await this.presence.connected(entry.orgId, entry.userId, socketId);
  }

  async disconnected(socketId: string): Promise<void> {
    const entry = this.sockets.get(socketId);
    if (!entry) return;
    this.sockets.delete(socketId);
    await this.presence.disconnected(entry.orgId, entry.userId, socketId);
  }

  private async refresh(): Promise<void> {
    try {
      await Promise.all([...this.sockets].map(([socketId, entry]) => this.presence.connected(entry.orgId, entry.userId, socketId)));
    } catch (error) {
      this.logger.warn(`presence heartbeat failed: ${(error as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.heartbeat);
    const sockets = [...this.sockets.keys()];
    await Promise.all(sockets.map((socketId) => this.disconnected(socketId))).catch(() => undefined);
  }
}
