import type { Socket } from 'socket.io-client';

interface Recorded {
  event: string;
  payload: unknown;
}

interface Waiter {
  event: string;
  predicate: (payload: unknown) => boolean;
  resolve: (payload: unknown) => void;
}

/**
 * Records every event a socket receives, so a test can wait for one that already arrived or is
 * still to come, and later check what did (or did not) reach this client.
 */
export class EventRecorder {
  readonly events: Recorded[] = [];
  private readonly waiters = new Set<Waiter>();

  constructor(socket: Socket) {
    socket.onAny((event: string, payload: unknown) => {
      this.events.push({ event, payload });
      for (const waiter of [...this.waiters]) {
        if (waiter.event === event && waiter.predicate(payload)) {
          this.waiters.delete(waiter);
          waiter.resolve(payload);
        }
      }
    });
  }

  /** Payloads received so far for `event`. */
  all<T>(event: string): T[] {
    return this.events.filter((entry) => entry.event === event).map((entry) => entry.payload as T);
  }

  /** The first payload of `event` matching `predicate`, already received or yet to come. */
  waitFor<T>(event: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
    const seen = this.all<T>(event).find(predicate);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        event,
        predicate: (payload) => predicate(payload as T),
        resolve: (payload) => {
          clearTimeout(timer);
          resolve(payload as T);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for "${event}"`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
