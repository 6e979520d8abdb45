import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { createArticleSchema, listArticlesQuerySchema, updateArticleSchema } from '@parley/contracts';
import { Roles, Staff } from '../auth/auth.guard';
import type { StaffPrincipal } from '../auth/token.service';
import { parseInput } from '../http/parse-input';
import { KnowledgeService } from './knowledge.service';

@Controller('knowledge/articles')
export class KnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Roles('admin')
  @Post()
  create(@Staff() staff: StaffPrincipal, @Body() body: unknown) {
    return this.knowledge.create(staff, parseInput(createArticleSchema, body));
  }

  @Get()
  list(@Staff() staff: StaffPrincipal, @Query() query: unknown) {
    return this.knowledge.list(staff.orgId, parseInput(listArticlesQuerySchema, query));
  }

  @Get(':id')
  get(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.knowledge.get(staff.orgId, id);
  }

  @Roles('admin')
  @Patch(':id')
  update(@Staff() staff: StaffPrincipal, @Param('id') id: string, @Body() body: unknown) {
    return this.knowledge.update(staff, id, parseInput(updateArticleSchema, body));
  }

  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@Staff() staff: StaffPrincipal, @Param('id') id: string) {
    return this.knowledge.remove(staff, id);
  }
}
