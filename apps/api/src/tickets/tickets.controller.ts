import { Controller, Get, Query } from '@nestjs/common';
import { listTicketsQuerySchema } from '@parley/contracts';
import { Staff } from '../auth/auth.guard';
import type { StaffPrincipal } from '../auth/token.service';
import { parseInput } from '../http/parse-input';
import { TicketsService } from './tickets.service';

@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  list(@Staff() staff: StaffPrincipal, @Query() query: unknown) {
    return this.tickets.list(staff.orgId, parseInput(listTicketsQuerySchema, query));
  }
}
