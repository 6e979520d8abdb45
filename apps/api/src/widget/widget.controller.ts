import { Body, Controller, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { widgetSessionSchema } from '@parley/contracts';
import { Public } from '../auth/auth.guard';
import { parseInput } from '../http/parse-input';
import { WidgetService } from './widget.service';

@Controller('widget')
export class WidgetController {
  constructor(private readonly widget: WidgetService) {}

  @Public()
  @Post('session')
  @HttpCode(200)
  session(@Headers('origin') origin: string | undefined, @Ip() ip: string, @Body() body: unknown) {
    return this.widget.startSession(origin, ip, parseInput(widgetSessionSchema, body));
  }
}
