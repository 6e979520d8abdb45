import { Injectable } from '@nestjs/common';
import type { LoginInput, UserView } from '@parley/contracts';
import { RateLimiter, StaffRepository, toUserView } from '@parley/data';
import { RateLimitedError, UnauthorizedError } from '@parley/domain';
import * as argon2 from 'argon2';
import { TokenService } from './token.service';

// Verifying against a fixed hash when the e-mail is unknown keeps both paths equally slow.
const DUMMY_HASH = argon2.hash('parley-timing-equaliser');

@Injectable()
export class AuthService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
  ) {}

  async login(input: LoginInput, ip: string): Promise<{ accessToken: string; user: UserView }> {
    // Only failures count, so a person who logs in often is never locked out.
    const limitKey = `${ip}:${input.email}`;
    const wait = await this.limiter.peek('login', limitKey);
    if (wait) throw new RateLimitedError(wait, 'too many failed logins, try again later');
    const user = await this.staff.findByEmail(input.email);
    const valid = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), input.password);
    if (!user || !valid || user.disabledAt) {
      await this.limiter.hit('login', limitKey);
      throw new UnauthorizedError('wrong e-mail or password');
    }
    const accessToken = await this.tokens.signStaff({ userId: user.id, orgId: user.orgId, role: user.role });
    void this.staff.touchLastSeen(user.orgId, user.id).catch(() => undefined);
    return { accessToken, user: toUserView(user) };
  }
}
