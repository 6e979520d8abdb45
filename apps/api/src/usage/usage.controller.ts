import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { updateOrganizationSchema, usageQuerySchema } from '@parley/contracts';
import { Roles, Staff } from '../auth/auth.guard';
import type { StaffPrincipal } from '../auth/token.service';
import { parseInput } from '../http/parse-input';
import { UsageService } from './usage.service';

/** LLM spend by persona and model, and the organization's monthly budget (admins only). */
@Roles('admin')
@Controller()
export class UsageController {
  constructor(private readonly usage: UsageService) {}

  @Get('usage')
  report(@Staff() staff: StaffPrincipal, @Query() query: unknown) {
    return this.usage.report(staff.orgId, parseInput(usageQuerySchema, query).month);
  }

  @Get('organization')
  organization(@Staff() staff: StaffPrincipal) {
    return this.usage.organization(staff.orgId);
  }

  @Patch('organization')
  updateOrganization(@Staff() staff: StaffPrincipal, @Body() body: unknown) {
    return this.usage.updateOrganization(staff, parseInput(updateOrganizationSchema, body));
  }
}
