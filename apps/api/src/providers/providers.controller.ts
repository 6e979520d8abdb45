import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { createProviderSchema, updateProviderSchema } from '@parley/contracts';
import { Roles, Staff } from '../auth/auth.guard';
import type { StaffPrincipal } from '../auth/token.service';
import { parseInput } from '../http/parse-input';
import { ProvidersService } from './providers.service';

/** Admin configuration of OpenAI-compatible LLM providers. API keys go in and never come out. */
@Roles('admin')
@Controller('providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Post()
  create(@Staff() staff: StaffPrincipal, @Body() body: unknown) {
    return this.providers.create(staff, parseInput(createProviderSchema, body));
  }

  @Get()
  list(@Staff() staff: StaffPrincipal) {
    return this.providers.list(staff.orgId);
  }

  @Get(':id')
  get(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.providers.get(staff.orgId, id);
  }

  @Patch(':id')
  update(@Staff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.providers.update(staff, id, parseInput(updateProviderSchema, body));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.providers.remove(staff, id);
  }

  /** Lists the provider's models with its stored key: proves the URL, key and headers work. */
  @Post(':id/test')
  @HttpCode(200)
  test(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.providers.testConnection(staff.orgId, id);
  }
}
