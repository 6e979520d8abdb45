import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { agentMessageSchema, listConversationsQuerySchema } from '@parley/contracts';
import { Staff } from '../auth/auth.guard';
import type { StaffPrincipal } from '../auth/token.service';
import { parseInput } from '../http/parse-input';
import { ConversationsService } from './conversations.service';

@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  list(@Staff() staff: StaffPrincipal, @Query() query: unknown) {
    return this.conversations.list(staff.orgId, parseInput(listConversationsQuerySchema, query));
  }

  @Get(':id')
  get(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.conversations.get(staff.orgId, id);
  }

  @Post(':id/takeover')
  @HttpCode(200)
  takeover(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.conversations.takeover(staff, id);
  }

  @Post(':id/messages')
  reply(@Staff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.conversations.reply(staff, id, parseInput(agentMessageSchema, body));
  }

  @Post(':id/handback')
  @HttpCode(200)
  handback(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.conversations.handback(staff, id);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.conversations.resolve(staff, id);
  }
}
