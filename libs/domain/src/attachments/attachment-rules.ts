/** What an uploaded file may be, judged by the type sniffed from its bytes. */
export const ATTACHMENT_KINDS = {
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'application/pdf': 'file',
} as const satisfies Record<string, 'image' | 'file'>;

export type AttachmentContentType = keyof typeof ATTACHMENT_KINDS;

const EXTENSIONS: Readonly<Record<AttachmentContentType, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

export const MAX_ATTACHMENT_NAME_CHARS = 200;

export function isAcceptedAttachmentType(contentType: string | null): contentType is AttachmentContentType {
  return contentType !== null && Object.hasOwn(ATTACHMENT_KINDS, contentType);
}

export function isImageType(contentType: string): boolean {
  return isAcceptedAttachmentType(contentType) && ATTACHMENT_KINDS[contentType] === 'image';
}

// Control characters, path separators and characters that would break a Content-Disposition header.
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f"\\/<>:|?*\u2028\u2029]/g;

/**
 * The name a file is shown and downloaded under: the client's name without any path, control or
 * quoting characters, cut to a sane length; `image.png`-style when nothing usable is left.
 */
export function attachmentFileName(declared: string | undefined, contentType: AttachmentContentType): string {
  const base = (declared ?? '').split(/[\\/]/).at(-1) ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE_NAME_CHARS, '').replace(/\s+/g, ' ').trim();
  const name = cleaned.replace(/^\.+/, '').slice(0, MAX_ATTACHMENT_NAME_CHARS).trim();
  if (name !== '') return name;
  return `${ATTACHMENT_KINDS[contentType] === 'image' ? 'image' : 'file'}.${EXTENSIONS[contentType]}`;
}

export interface AttachmentSummary {
  name: string;
  contentType: string;
}

/** How an attachment reads in a transcript for a model that cannot see it, or as a label for one that can. */
export function attachmentNote(attachment: AttachmentSummary): string {
  const what = isImageType(attachment.contentType) ? 'an image' : 'a file';
  return `[The visitor attached ${what}: ${attachment.name}]`;
}

/** A message's text followed by one note per attachment, so an image-only message is not empty. */
export function withAttachmentNotes(text: string, attachments: readonly AttachmentSummary[] | undefined): string {
  if (!attachments || attachments.length === 0) return text;
  return [text, ...attachments.map(attachmentNote)].filter((line) => line.trim() !== '').join('\n');
}
