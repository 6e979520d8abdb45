import { Controller, Get, Res } from '@nestjs/common';
import { DependencyHealth } from '@parley/data';
import type { Response } from 'express';
import { Public } from '../auth/auth.guard';

@Controller('health')
export class HealthController {
  constructor(private readonly dependencies: DependencyHealth) {}

  /** 200 `{status:"ok"}`, or 503 naming the dependencies that did not answer. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    const failing = await this.dependencies.failing();
    if (failing.length === 0) return { status: 'ok' };
    response.status(503);
    return {
      status: 'unavailable',
      failing,
      error: { code: 'dependency_unavailable', message: `${failing.join(' and ')} not answering` },
    };
  }
}
