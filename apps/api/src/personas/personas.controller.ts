import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { createPersonaSchema, escalationDryRunSchema, escalationRulesSchema, updatePersonaSchema } from '@parley/contracts';
import { Roles, Staff } from '../auth/auth.guard';
import type { StaffPrincipal } from '../auth/token.service';
import { parseInput } from '../http/parse-input';
import { PersonasService } from './personas.service';

@Controller('personas')
export class PersonasController {
  constructor(private readonly personas: PersonasService) {}

  @Roles('admin')
  @Post()
  create(@Staff() staff: StaffPrincipal, @Body() body: unknown) {
    return this.personas.create(staff, parseInput(createPersonaSchema, body));
  }

  @Get()
  list(@Staff() staff: StaffPrincipal) {
    return this.personas.list(staff.orgId);
  }

  @Get(':id')
  get(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.personas.get(staff.orgId, id);
  }

  @Roles('admin')
  @Patch(':id')
  update(@Staff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.personas.update(staff, id, parseInput(updatePersonaSchema, body));
  }

  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.personas.remove(staff, id);
  }

  @Get(':id/escalation-rules')
  rules(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.personas.rules(staff.orgId, id);
  }

  @Roles('admin')
  @Put(':id/escalation-rules')
  replaceRules(@Staff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.personas.replaceRules(staff, id, parseInput(escalationRulesSchema, body));
  }

  @Roles('admin')
  @Post(':id/escalation-rules/dry-run')
  @HttpCode(200)
  dryRun(@Staff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.personas.dryRun(staff.orgId, id, parseInput(escalationDryRunSchema, body));
  }
}
