import { Controller, Get, Query } from '@nestjs/common';
import { listTicketsQuerySchema } from '@parley/contracts';
import { TicketsRepository, toTicketView } from '@parley/data';
import { Staff } from '../auth/auth.guard';
import type { StaffPrincipal } from '../auth/token.service';
import { parseInput } from '../http/parse-input';

@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsRepository) {}

  @Get()
  async list(@Staff() staff: StaffPrincipal, @Query() query: unknown) {
    const filter = parseInput(listTicketsQuerySchema, query);
    return { items: (await this.tickets.list(staff.orgId, filter)).map(toTicketView) };
  }
}
