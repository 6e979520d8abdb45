import { Controller, Get, Headers, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.guard';
import { AttachmentsService, type DownloadableFile } from './attachments.service';

/** Uploads take the visitor token; downloads a staff token or the owning visitor's (checked in the service). */
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Public()
  @Post('widget/uploads')
  upload(
    @Headers('authorization') authorization: string | undefined,
    @Headers('origin') origin: string | undefined,
    @Query('name') name: unknown,
    @Req() request: Request,
  ) {
    return this.attachments.upload({ authorization, origin, name: typeof name === 'string' ? name : undefined, body: request });
  }

  @Public()
  @Get('attachments/:id')
  async download(
    @Headers('authorization') authorization: string | undefined,
    @Headers('origin') origin: string | undefined,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return asDownload(await this.attachments.download(authorization, origin, id), response);
  }
}

/** The file with headers that keep a browser from reinterpreting it (no sniffing, no scripts). */
function asDownload(file: DownloadableFile, response: Response): StreamableFile {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('Cache-Control', 'private, max-age=300');
  const inline = file.contentType.startsWith('image/');
  return new StreamableFile(file.bytes, {
    type: file.contentType,
    disposition: `${inline ? 'inline' : 'attachment'}; ${dispositionFileName(file.fileName)}`,
  });
}

/** RFC 6266: an ASCII fallback and the exact UTF-8 name. */
function dispositionFileName(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
