import type { NestExpressApplication } from '@nestjs/platform-express';
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
}
