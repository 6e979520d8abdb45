import { ConsoleLogger } from '@nestjs/common';

// Nest's own start-up chatter (every module, route and gateway subscription) hides what matters.
const QUIET_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestFactory',
  'NestApplication',
]);

/** The console logger of Parley's processes, prefixed with the process name, without Nest's chatter. */
export class ProcessLogger extends ConsoleLogger {
  constructor(processName: string) {
    super({ prefix: `parley:${processName}`, timestamp: false });
  }

  override log(message: unknown, context?: string): void {
    if (context && QUIET_CONTEXTS.has(context)) return;
    super.log(message, context);
  }
}
