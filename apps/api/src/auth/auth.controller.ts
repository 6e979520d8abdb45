import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { loginSchema } from '@parley/contracts';
import { parseInput } from '../http/parse-input';
import { Public } from './auth.guard';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: unknown, @Ip() ip: string) {
    return this.auth.login(parseInput(loginSchema, body), ip);
  }
}
