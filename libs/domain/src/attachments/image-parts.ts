/**
 * Images for vision-capable models: which models can see, and how a visitor's images join the
 * prompt as OpenAI content parts.
 */

/**
 * Model-name patterns (`*` matches anything, case-insensitive) of models that accept image parts,
 * used when `LLM_VISION_MODELS` is not set.
 */
export const DEFAULT_VISION_MODEL_PATTERNS: readonly string[] = [
  'gpt-4o*',
  'gpt-4.1*',
  'gpt-5*',
  'o3*',
  'o4*',
  'claude-3*',
  'claude-sonnet-4*',
  'claude-opus-4*',
  'claude-haiku-4*',
  'gemini*',
  'llava*',
  'pixtral*',
  '*vision*',
  'qwen*-vl*',
];

/**
 * Parses a list such as `gpt-4o*, my-vision-model`. `none` means no model gets images; an unset
 * list means the defaults.
 */
export function parseModelPatterns(list: string | undefined): readonly string[] {
  if (list === undefined) return DEFAULT_VISION_MODEL_PATTERNS;
  const patterns = list
    .split(/[,\s]+/)
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '');
  return patterns.length === 1 && patterns[0]?.toLowerCase() === 'none' ? [] : patterns;
}

/**
 * A predicate telling whether a model accepts images. A pattern matches the whole model name, or
 * the part after the last `/` (routers name models like `openai/gpt-4o`).
 */
export function visionModelMatcher(patterns: readonly string[]): (model: string) => boolean {
  const expressions = patterns.map(
    (pattern) => new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 'i'),
  );
  return (model) => {
    const bare = model.slice(model.lastIndexOf('/') + 1);
    return expressions.some((expression) => expression.test(model) || expression.test(bare));
  };
}

export interface PromptImage {
  contentType: string;
  /** The image's bytes, base64-encoded by the caller that read them. */
  base64: string;
}

export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } };

/** A chat message whose user turns may carry content parts (the OpenAI chat format). */
export type VisionPromptMessage =
  | { role: 'system' | 'assistant'; content: string }
  | { role: 'user'; content: string | ContentPart[] };

export function imagePart(image: PromptImage): ContentPart {
  return { type: 'image_url', image_url: { url: `data:${image.contentType};base64,${image.base64}` } };
}

/**
 * Adds the images to the last user message (the visitor's current one) as image parts after its
 * text. With no image the messages are returned as they are, so a model without vision gets only
 * the text (whose attachment notes say an image was attached).
 */
export function withImageParts(
  messages: readonly VisionPromptMessage[],
  images: readonly PromptImage[],
): VisionPromptMessage[] {
  const result = [...messages];
  if (images.length === 0) return result;
  const parts = images.map(imagePart);
  const index = result.findLastIndex((message) => message.role === 'user');
  const last = index >= 0 ? result[index] : undefined;
  if (last === undefined || index !== result.length - 1) {
    result.push({ role: 'user', content: parts });
    return result;
  }
  const text = typeof last.content === 'string' ? [{ type: 'text' as const, text: last.content }] : last.content;
  result[index] = { role: 'user', content: [...text, ...parts] };
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
