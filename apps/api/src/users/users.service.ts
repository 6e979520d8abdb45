import { Injectable } from '@nestjs/common';
import type { CreateUserInput, UserView } from '@parley/contracts';
import { AuditRepository, StaffRepository, toUserView } from '@parley/data';
import { ConflictError, NotFoundError } from '@parley/domain';
import * as argon2 from 'argon2';
import type { StaffPrincipal } from '../auth/token.service';

@Injectable()
export class UsersService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly audit: AuditRepository,
  ) {}

  async create(actor: StaffPrincipal, input: CreateUserInput): Promise<UserView> {
    if (await this.staff.findByEmail(input.email)) {
      throw new ConflictError('email_taken', 'a user with this e-mail already exists');
    }
    const passwordHash = await argon2.hash(input.password);
    const user = await this.staff.createUser(actor.orgId, {
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
    });
    await this.audit.record(actor.orgId, {
      actorId: actor.userId,
      action: 'user.created',
      targetType: 'user',
      targetId: user.id,
      data: { role: user.role },
    });
    return toUserView(user);
  }

  async list(orgId: string): Promise<{ items: UserView[] }> {
    return { items: (await this.staff.listUsers(orgId)).map(toUserView) };
  }

  async get(orgId: string, id: string): Promise<UserView> {
    const user = await this.staff.findById(orgId, id);
    if (!user) throw new NotFoundError('user');
    return toUserView(user);
  }
}
