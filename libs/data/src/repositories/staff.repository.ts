import type { UserRole } from '@parley/contracts';
import type { PrismaClient, User } from '../generated/prisma/client';

/** Organizations and their staff. Login looks users up by e-mail, which is unique across the instance. */
export class StaffRepository {
  constructor(private readonly prisma: PrismaClient) {}

  countUsers(): Promise<number> {
    return this.prisma.user.count();
  }

  findByEmail(email: string): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { email } });
  }

  findById(orgId: string, id: string): Promise<User | null> {
    return this.prisma.user.findFirst({ where: { id, orgId, disabledAt: null } });
  }

  listUsers(orgId: string): Promise<User[]> {
    return this.prisma.user.findMany({ where: { orgId }, orderBy: { createdAt: 'asc' } });
  }

  createUser(orgId: string, data: { email: string; name: string; role: UserRole; passwordHash: string }): Promise<User> {
    return this.prisma.user.create({ data: { ...data, orgId } });
  }

  /** Creates an organization with its first admin, atomically. */
  async createOrganizationWithAdmin(
    orgName: string,
    admin: { email: string; name: string; passwordHash: string },
  ): Promise<{ orgId: string; user: User }> {
    return this.prisma.$transaction(async (tx) => {
      const org = await tx.organization.create({ data: { name: orgName } });
      const user = await tx.user.create({ data: { ...admin, role: 'admin', orgId: org.id } });
      return { orgId: org.id, user };
    });
  }

  async getOrganizationName(orgId: string): Promise<string> {
    const org = await this.prisma.organization.findUnique({ where: { id: orgId }, select: { name: true } });
    return org?.name ?? '';
  }

  touchLastSeen(orgId: string, id: string): Promise<unknown> {
    return this.prisma.user.updateMany({ where: { id, orgId }, data: { lastSeenAt: new Date() } });
  }
}
