/** Visitors remembered at most, per API process; the oldest is forgotten first. */
const MAX_VISITORS = 50_000;

/**
 * Which conversation a visitor writes to, remembered by this process so a message's ack does not
 * wait for a read. A visitor's conversation never changes once opened (a resolved one is
 * reopened), so the memory cannot go stale; it is forgotten if a send to it fails.
 */
export class VisitorConversations {
  private readonly byVisitor = new Map<string, string>();

  get(visitorId: string): string | undefined {
    return this.byVisitor.get(visitorId);
  }

  remember(visitorId: string, conversationId: string): void {
    this.byVisitor.delete(visitorId);
    this.byVisitor.set(visitorId, conversationId);
    if (this.byVisitor.size > MAX_VISITORS) {
      const oldest = this.byVisitor.keys().next().value;
      if (oldest !== undefined) this.byVisitor.delete(oldest);
    }
  }

  forget(visitorId: string): void {
    this.byVisitor.delete(visitorId);
  }
}
