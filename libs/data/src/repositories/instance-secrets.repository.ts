import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client';

/** Instance-wide secrets generated once, so a fresh install needs no env file. */
export class InstanceSecretsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async getOrCreate(key: string): Promise<string> {
    const candidate = randomBytes(48).toString('base64url');
    // ON CONFLICT DO NOTHING: of two processes starting at once, the first one's value wins.
    await this.prisma.instanceSecret.createMany({ data: [{ key, value: candidate }], skipDuplicates: true });
    const stored = await this.prisma.instanceSecret.findUniqueOrThrow({ where: { key } });
    return stored.value;
  }
}
