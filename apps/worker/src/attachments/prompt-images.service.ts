import { Inject, Injectable, Logger } from '@nestjs/common';
import { ATTACHMENT_STORAGE, AttachmentsRepository, type AttachmentStorage, type MessageRow } from '@parley/data';
import {
  isImageType,
  parseModelPatterns,
  visionModelMatcher,
  withImageParts,
  type PromptImage,
  type VisionPromptMessage,
} from '@parley/domain';
import { WORKER_CONFIG, type WorkerConfig } from '../worker-config';

/** Images sent to a vision model in one turn, at most. */
const MAX_IMAGES_PER_TURN = 4;

/**
 * The visitor's images for a bot turn: read through attachment storage, size-capped, and added to
 * the prompt as image parts only for models that can see (`LLM_VISION_MODELS`). Other models get
 * the transcript's notes that an image was attached.
 */
@Injectable()
export class PromptImagesService {
  private readonly logger = new Logger(PromptImagesService.name);
  private readonly isVisionModel: (model: string) => boolean;
  /** False with `LLM_VISION_MODELS=none`: no image is ever read for a prompt. */
  private readonly anyVisionModel: boolean;

  constructor(
    private readonly attachments: AttachmentsRepository,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {
    const patterns = parseModelPatterns(config.LLM_VISION_MODELS);
    this.isVisionModel = visionModelMatcher(patterns);
    this.anyVisionModel = patterns.length > 0;
  }

  /** The images of the visitor's current message; one too large or unreadable is left to its note. */
  async forMessage(orgId: string, message: MessageRow): Promise<PromptImage[]> {
    if (!this.anyVisionModel || !message.attachments?.some((attachment) => isImageType(attachment.contentType))) return [];
    const rows = await this.attachments.listForMessage(orgId, message.id);
    const images = rows
      .filter((row) => isImageType(row.contentType) && row.sizeBytes <= this.config.LLM_IMAGE_MAX_BYTES)
      .slice(0, MAX_IMAGES_PER_TURN);
    const loaded = await Promise.all(
      images.map(async (row) => {
        const bytes = await this.storage.get(row.storageKey).catch((error: unknown) => {
          this.logger.warn(`attachment ${row.id} could not be read: ${(error as Error).message}`);
          return null;
        });
        return bytes ? { contentType: row.contentType, base64: bytes.toString('base64') } : null;
      }),
    );
    return loaded.filter((image) => image !== null);
  }

  /**
   * The prompt for one link of the chain: with image parts if its model can see, as it is
   * otherwise. The provider's configuration decides when it says; else `LLM_VISION_MODELS`.
   */
  promptFor(
    target: { model: string; vision?: boolean },
    prompt: readonly VisionPromptMessage[],
    images: readonly PromptImage[],
  ): VisionPromptMessage[] {
    const sees = target.vision ?? this.isVisionModel(target.model);
    return withImageParts(prompt, sees ? images : []);
  }
}
