import { Injectable } from '@nestjs/common';
import type { TicketStatus, TicketView } from '@parley/contracts';
import { TicketsRepository, toTicketView } from '@parley/data';

@Injectable()
export class TicketsService {
  constructor(private readonly tickets: TicketsRepository) {}

  async list(orgId: string, filter: { status?: TicketStatus }): Promise<{ items: TicketView[] }> {
    return { items: (await this.tickets.list(orgId, filter)).map(toTicketView) };
  }
}
