import { Body, Controller, Get, Post } from '@nestjs/common';
import { createUserSchema } from '@parley/contracts';
import { Roles, Staff } from '../auth/auth.guard';
import type { StaffPrincipal } from '../auth/token.service';
import { parseInput } from '../http/parse-input';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles('admin')
  @Post()
  create(@Staff() staff: StaffPrincipal, @Body() body: unknown) {
    return this.users.create(staff, parseInput(createUserSchema, body));
  }

  @Get()
  list(@Staff() staff: StaffPrincipal) {
    return this.users.list(staff.orgId);
  }

  @Get('me')
  me(@Staff() staff: StaffPrincipal) {
    return this.users.get(staff.orgId, staff.userId);
  }
}
