// The guarantees the rest of Parley leans on, checked against the real Postgres: ordered seqs
// under concurrency, idempotent sends, one winner of a takeover race, org isolation.
import { moveFor } from '@parley/domain';
import { createPrismaClient, type PrismaClient } from '../prisma-client';
import { ConversationsRepository } from './conversations.repository';
import { MessagesRepository } from './messages.repository';
import { StaffRepository } from './staff.repository';

const takeover = moveFor('takeover');

describe('conversation store (Postgres)', () => {
  let prisma: PrismaClient;
  let conversations: ConversationsRepository;
  let messages: MessagesRepository;
  let orgId: string;
  let otherOrgId: string;
  let agents: string[];
  let visitor: { id: string; inboxId: string };
  let personaId: string;

  beforeAll(async () => {
    prisma = createPrismaClient(process.env.DATABASE_URL ?? '', { poolSize: 20 });
    conversations = new ConversationsRepository(prisma);
    messages = new MessagesRepository(prisma);
    const staff = new StaffRepository(prisma);
    const suffix = Math.random().toString(36).slice(2);
    const first = await staff.createOrganizationWithAdmin('Store A', { email: `a-${suffix}@t.test`, name: 'A', passwordHash: 'x' });
    const second = await staff.createOrganizationWithAdmin('Store B', { email: `b-${suffix}@t.test`, name: 'B', passwordHash: 'x' });
    orgId = first.orgId;
    otherOrgId = second.orgId;
    const bob = await staff.createUser(orgId, { email: `bob-${suffix}@t.test`, name: 'Bob', role: 'agent', passwordHash: 'x' });
    agents = [first.user.id, bob.id];
    const persona = await prisma.persona.create({ data: { orgId, name: 'P', instructions: 'I' } });
    personaId = persona.id;
    const inbox = await prisma.inbox.create({
      data: { orgId, personaId, name: 'I', publicKey: `pk_${suffix}`, identitySecret: 's', allowedOrigins: ['*'] },
    });
    const row = await prisma.visitor.create({ data: { orgId, inboxId: inbox.id } });
    visitor = { id: row.id, inboxId: inbox.id };
  });

  afterAll(async () => {
    await prisma.$disconnect();
  });

  it('opens one conversation for a visitor even when two messages race', async () => {
    const results = await Promise.all([
      conversations.findOrCreateForVisitor(orgId, visitor, personaId),
      conversations.findOrCreateForVisitor(orgId, visitor, personaId),
      conversations.findOrCreateForVisitor(orgId, visitor, personaId),
    ]);
    expect(new Set(results.map((result) => result.conversation.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
  });

  it('gives concurrent messages distinct, gapless seqs', async () => {
    const { conversation } = await conversations.findOrCreateForVisitor(orgId, visitor, personaId);
    const stored = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        messages.append(orgId, conversation.id, { role: 'visitor', text: `m${n}`, clientMessageId: `seq-${n}` }),
      ),
    );
    const seqs = stored.map((result) => result.message.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, n) => seqs[0]! + n));
  });

  it('stores a repeated clientMessageId once, even when sent concurrently', async () => {
    const { conversation } = await conversations.findOrCreateForVisitor(orgId, visitor, personaId);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        messages.append(orgId, conversation.id, { role: 'visitor', text: 'hello', clientMessageId: 'same-id' }),
      ),
    );
    expect(new Set(results.map((result) => result.message.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await prisma.message.count({ where: { conversationId: conversation.id, clientMessageId: 'same-id' } })).toBe(1);
  });

  it('lets exactly one of two racing agents take a conversation over', async () => {
    const { conversation } = await conversations.findOrCreateForVisitor(orgId, visitor, personaId);
    for (let round = 0; round < 10; round++) {
      await prisma.conversation.update({ where: { id: conversation.id }, data: { status: 'waiting', assigneeId: null } });
      const [first, second] = await Promise.all(agents.map((agent) => conversations.takeover(orgId, conversation.id, agent, takeover)));
      const winners = [first, second].filter((row) => row !== null);
      expect(winners).toHaveLength(1);
      expect(winners[0]?.status).toBe('agent');
    }
  });

  it('adds a bot reply only while the conversation is with the bot, checked by the insert', async () => {
    const { conversation } = await conversations.findOrCreateForVisitor(orgId, visitor, personaId);
    await prisma.conversation.update({ where: { id: conversation.id }, data: { status: 'bot', assigneeId: null } });
    const stored = await messages.appendWhileStatus(orgId, conversation.id, ['bot'], { role: 'bot', text: 'in time' });
    expect(stored).toMatchObject({ created: true, message: { text: 'in time' } });

    await conversations.takeover(orgId, conversation.id, agents[0]!, takeover);
    const late = await messages.appendWhileStatus(orgId, conversation.id, ['bot'], { role: 'bot', text: 'too late' });
    expect(late).toBeNull();
    expect(await prisma.message.count({ where: { conversationId: conversation.id, text: 'too late' } })).toBe(0);
    expect(await messages.appendWhileStatus(otherOrgId, conversation.id, ['agent'], { role: 'bot', text: 'x' })).toBeNull();
  });

  it('never reads or changes another organization\u2019s conversation', async () => {
    const { conversation } = await conversations.findOrCreateForVisitor(orgId, visitor, personaId);
    expect(await conversations.findById(otherOrgId, conversation.id)).toBeNull();
    expect(await conversations.takeover(otherOrgId, conversation.id, agents[0]!, takeover)).toBeNull();
    await expect(messages.append(otherOrgId, conversation.id, { role: 'agent', text: 'x' })).rejects.toThrow();
    expect((await conversations.list(otherOrgId, { limit: 10 })).items).toEqual([]);
  });
});
