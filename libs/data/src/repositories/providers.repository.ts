import type { PrismaClient, Provider } from '../generated/prisma/client';

export interface ProviderData {
  name: string;
  kind: string;
  baseUrl: string;
  apiKeyCiphertext: string | null;
  apiKeyHint: string | null;
  models: object[];
  headers: Record<string, string>;
  query: Record<string, string>;
  enabled: boolean;
}

/** An organization's LLM providers. The key column holds ciphertext only; decryption is the caller's. */
export class ProvidersRepository {
  constructor(private readonly prisma: PrismaClient) {}

  list(orgId: string): Promise<Provider[]> {
    return this.prisma.provider.findMany({ where: { orgId }, orderBy: { createdAt: 'asc' } });
  }

  findById(orgId: string, id: string): Promise<Provider | null> {
    return this.prisma.provider.findFirst({ where: { id, orgId } });
  }

  create(orgId: string, data: ProviderData): Promise<Provider> {
    return this.prisma.provider.create({ data: { ...data, orgId } });
  }

  async update(orgId: string, id: string, data: Partial<ProviderData>): Promise<Provider | null> {
    const { count } = await this.prisma.provider.updateMany({ where: { id, orgId }, data });
    return count === 0 ? null : this.findById(orgId, id);
  }

  async delete(orgId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.provider.deleteMany({ where: { id, orgId } });
    return count > 0;
  }
}
