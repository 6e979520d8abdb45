import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { createInboxSchema, updateInboxSchema } from '@parley/contracts';
import { Roles, Staff } from '../auth/auth.guard';
import type { StaffPrincipal } from '../auth/token.service';
import { parseInput } from '../http/parse-input';
import { InboxesService } from './inboxes.service';

@Controller('inboxes')
export class InboxesController {
  constructor(private readonly inboxes: InboxesService) {}

  @Roles('admin')
  @Post()
  create(@Staff() staff: StaffPrincipal, @Body() body: unknown) {
    return this.inboxes.create(staff, parseInput(createInboxSchema, body));
  }

  @Roles('admin')
  @Get()
  list(@Staff() staff: StaffPrincipal) {
    return this.inboxes.list(staff.orgId);
  }

  @Roles('admin')
  @Get(':id')
  get(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.inboxes.get(staff.orgId, id);
  }

  @Roles('admin')
  @Patch(':id')
  update(@Staff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.inboxes.update(staff, id, parseInput(updateInboxSchema, body));
  }
}
