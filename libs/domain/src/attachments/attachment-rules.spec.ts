import {
  attachmentFileName,
  attachmentNote,
  isAcceptedAttachmentType,
  isImageType,
  withAttachmentNotes,
} from './attachment-rules';

describe('attachment rules', () => {
  it('accepts the four image types and PDF, and nothing else', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']) {
      expect(isAcceptedAttachmentType(type)).toBe(true);
    }
    for (const type of ['image/svg+xml', 'text/html', 'application/zip', 'toString', null]) {
      expect(isAcceptedAttachmentType(type)).toBe(false);
    }
    expect(isImageType('image/webp')).toBe(true);
    expect(isImageType('application/pdf')).toBe(false);
  });

  it('keeps a plain file name and strips paths, quotes and control characters', () => {
    expect(attachmentFileName('photo.png', 'image/png')).toBe('photo.png');
    expect(attachmentFileName('../../etc/passwd', 'image/png')).toBe('passwd');
    expect(attachmentFileName('C:\\Users\\me\\scan.pdf', 'application/pdf')).toBe('scan.pdf');
    expect(attachmentFileName('a"b\r\nc.jpg', 'image/jpeg')).toBe('abc.jpg');
    expect(attachmentFileName('x'.repeat(500), 'image/png')).toHaveLength(200);
  });

  it('names a nameless file after its type', () => {
    expect(attachmentFileName(undefined, 'image/jpeg')).toBe('image.jpg');
    expect(attachmentFileName('..', 'application/pdf')).toBe('file.pdf');
  });

  it('describes attachments in the transcript, so an image alone is not an empty message', () => {
    expect(attachmentNote({ name: 'photo.png', contentType: 'image/png' })).toBe('[The visitor attached an image: photo.png]');
    expect(withAttachmentNotes('', [{ name: 'photo.png', contentType: 'image/png' }])).toBe(
      '[The visitor attached an image: photo.png]',
    );
    expect(withAttachmentNotes('Is this broken?', [{ name: 'bill.pdf', contentType: 'application/pdf' }])).toBe(
      'Is this broken?\n[The visitor attached a file: bill.pdf]',
    );
    expect(withAttachmentNotes('hello', [])).toBe('hello');
  });
});
