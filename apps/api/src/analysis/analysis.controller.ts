import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { analyzeSchema, type Analysis } from '@parley/contracts';
import { analyzeMessage } from '@parley/domain';
import { parseInput } from '../http/parse-input';

/** The same analysis the worker applies to every visitor message, so admins can try their rules. */
@Controller('analyze')
export class AnalysisController {
  @Post()
  @HttpCode(200)
  analyze(@Body() body: unknown): Analysis {
    return analyzeMessage(parseInput(analyzeSchema, body).text);
  }
}
