import { Inject, Injectable } from '@nestjs/common';
import type { CreateInboxInput, UpdateInboxInput } from '@parley/contracts';
import { AuditRepository, InboxesRepository, PersonasRepository, type Inbox, type Prisma } from '@parley/data';
import { NotFoundError, validateBusinessHours, ValidationError } from '@parley/domain';
import { randomBytes } from 'node:crypto';
import { API_CONFIG, type ApiConfig } from '../api-config';
import type { StaffPrincipal } from '../auth/token.service';
import { isUuid } from '../http/parse-input';

@Injectable()
export class InboxesService {
  constructor(
    private readonly inboxes: InboxesRepository,
    private readonly personas: PersonasRepository,
    private readonly audit: AuditRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async create(actor: StaffPrincipal, input: CreateInboxInput) {
    if (!(await this.personas.findById(actor.orgId, input.personaId))) {
      throw new ValidationError('personaId', 'personaId does not name a persona of this organization');
    }
    const inbox = await this.inboxes.create(actor.orgId, {
      ...input,
      publicKey: `pk_${randomBytes(18).toString('base64url')}`,
      identitySecret: randomBytes(32).toString('hex'),
    });
    await this.audit.record(actor.orgId, {
      actorId: actor.userId,
      action: 'inbox.created',
      targetType: 'inbox',
      targetId: inbox.id,
    });
    return this.toView(inbox);
  }

  async list(orgId: string) {
    return { items: (await this.inboxes.list(orgId)).map((inbox) => this.toView(inbox)) };
  }

  async get(orgId: string, id: string) {
    const inbox = isUuid(id) ? await this.inboxes.findById(orgId, id) : null;
    if (!inbox) throw new NotFoundError('inbox');
    return this.toView(inbox);
  }

  /** Business hours (`null` clears them) and the default reply-time estimate; other settings are kept. */
  async update(actor: StaffPrincipal, id: string, input: UpdateInboxInput) {
    const inbox = isUuid(id) ? await this.inboxes.findById(actor.orgId, id) : null;
    if (!inbox) throw new NotFoundError('inbox');
    const settings = { ...(inbox.settings as Record<string, unknown>) };
    if (input.businessHours === null) delete settings['businessHours'];
    else if (input.businessHours !== undefined) settings['businessHours'] = validateBusinessHours(input.businessHours);
    if (input.expectedReplyMinutes !== undefined) settings['expectedReplyMinutes'] = input.expectedReplyMinutes;
    const updated = await this.inboxes.updateSettings(actor.orgId, id, settings as Prisma.InputJsonObject);
    if (!updated) throw new NotFoundError('inbox');
    await this.audit.record(actor.orgId, {
      actorId: actor.userId,
      action: 'inbox.updated',
      targetType: 'inbox',
      targetId: id,
      data: { fields: Object.keys(input) },
    });
    return this.toView(updated);
  }

  private toView(inbox: Inbox) {
    const settings = inbox.settings as { businessHours?: unknown; expectedReplyMinutes?: number };
    const base = this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`;
    return {
      id: inbox.id,
      name: inbox.name,
      personaId: inbox.personaId,
      allowedOrigins: inbox.allowedOrigins,
      publicKey: inbox.publicKey,
      identitySecret: inbox.identitySecret,
      embedSnippet: `<script src="${base}/widget.js" data-inbox-key="${inbox.publicKey}" async></script>`,
      businessHours: settings.businessHours ?? null,
      ...(settings.expectedReplyMinutes ? { expectedReplyMinutes: settings.expectedReplyMinutes } : {}),
      createdAt: inbox.createdAt.toISOString(),
    };
  }
}
