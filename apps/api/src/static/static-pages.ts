import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Serves the widget bundle and its demo page, and the dashboard, when they are present. */
export function mountStaticPages(app: NestExpressApplication): void {
  for (const [prefix, dir] of [
    ['/', join(ROOT, 'apps', 'widget', 'public')],
    ['/dashboard', join(ROOT, 'apps', 'dashboard', 'public')],
  ] as const) {
    if (existsSync(dir)) app.useStaticAssets(dir, { prefix, index: 'index.html', maxAge: '5m' });
  }
  // The instance's front door is the dashboard.
  const express: Express = app.getHttpAdapter().getInstance();
  express.get('/', (_request: Request, response: Response) => response.redirect(302, '/dashboard/'));
}
