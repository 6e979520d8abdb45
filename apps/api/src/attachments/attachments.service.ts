import { Inject, Injectable } from '@nestjs/common';
import type { AttachmentView } from '@parley/contracts';
import {
  ATTACHMENT_STORAGE,
  AttachmentsRepository,
  InboxesRepository,
  RateLimiter,
  newStorageKey,
  toAttachmentView,
  type AttachmentStorage,
} from '@parley/data';
import {
  attachmentFileName,
  ForbiddenError,
  isAcceptedAttachmentType,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '@parley/domain';
import type { Request } from 'express';
import { API_CONFIG, type ApiConfig } from '../api-config';
import { TokenService, type StaffPrincipal, type VisitorPrincipal } from '../auth/token.service';
import { isUuid } from '../http/parse-input';
import { originAllowed } from '../widget/widget.service';
import { readRawBody } from './raw-body';
import { sniffContentType } from './sniff-content-type';

export interface UploadRequest {
  authorization: string | undefined;
  origin: string | undefined;
  /** The file's name, from the `name` query parameter. */
  name: string | undefined;
  body: Request;
}

export interface DownloadableFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

const ACCEPTED = 'PNG, JPEG, GIF, WebP or PDF';

/** Visitors' uploads (type read from the bytes, size-capped) and downloads for staff and the owning visitor. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly inboxes: InboxesRepository,
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async upload(request: UploadRequest): Promise<AttachmentView> {
    const visitor = await this.tokens.verifyVisitor(bearerToken(request.authorization) ?? '');
    const inbox = await this.inboxes.findById(visitor.orgId, visitor.inboxId);
    if (!inbox) throw new UnauthorizedError('this inbox no longer exists');
    if (!originAllowed(inbox, request.origin)) {
      throw new ForbiddenError(`origin ${request.origin ?? '(none)'} is not allowed for this inbox`);
    }
    const wait = await this.limiter.hit('attachmentUpload', visitor.visitorId);
    if (wait) throw new RateLimitedError(wait, 'you are uploading files too fast');
    // A JSON body was already consumed by the JSON parser; it is not a file either way.
    if (/json/i.test(request.body.headers['content-type'] ?? '')) throw new UnsupportedMediaTypeError(`send the file's bytes as the body: a ${ACCEPTED} file`);

    const bytes = await readRawBody(request.body, this.config.UPLOAD_MAX_BYTES);
    if (bytes.length === 0) throw new ValidationError('file', 'the file is empty');
    const contentType = await sniffContentType(bytes);
    if (!isAcceptedAttachmentType(contentType)) {
      throw new UnsupportedMediaTypeError(`this file is not a ${ACCEPTED} file (its content was checked, not its name)`);
    }

    const storageKey = newStorageKey(visitor.orgId);
    await this.storage.put(storageKey, bytes, contentType);
    try {
      const row = await this.attachments.create(visitor.orgId, {
        visitorId: visitor.visitorId,
        fileName: attachmentFileName(request.name, contentType),
        contentType,
        sizeBytes: bytes.length,
        storageKey,
      });
      return toAttachmentView(row);
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
  }

  /** Staff of the organization, or the visitor who uploaded it; anyone else gets 404 (401 with no token). */
  async download(authorization: string | undefined, origin: string | undefined, id: string): Promise<DownloadableFile> {
    const principal = await this.principal(authorization);
    const row = isUuid(id) ? await this.attachments.findById(principal.orgId, id) : null;
    if (!row) throw new NotFoundError('attachment');
    if ('visitorId' in principal) {
      const owner = row.visitorId ?? row.conversation?.visitorId;
      if (owner !== principal.visitorId) throw new NotFoundError('attachment');
      if (origin !== undefined && !(await this.visitorOriginAllowed(principal, origin))) {
        throw new ForbiddenError(`origin ${origin} is not allowed for this inbox`);
      }
    }
    const bytes = await this.storage.get(row.storageKey);
    if (!bytes) throw new NotFoundError('attachment');
    return { bytes, contentType: row.contentType, fileName: row.fileName };
  }

  private async principal(authorization: string | undefined): Promise<StaffPrincipal | VisitorPrincipal> {
    const token = bearerToken(authorization);
    if (!token) throw new UnauthorizedError('missing access token');
    return this.tokens.verifyStaff(token).catch(() =>
      this.tokens.verifyVisitor(token).catch(() => {
        throw new UnauthorizedError('invalid or expired token');
      }),
    );
  }

  private async visitorOriginAllowed(visitor: VisitorPrincipal, origin: string): Promise<boolean> {
    const inbox = await this.inboxes.findById(visitor.orgId, visitor.inboxId);
    return inbox !== null && originAllowed(inbox, origin);
  }
}

function bearerToken(authorization: string | undefined): string | undefined {
  const [scheme, token] = (authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}
