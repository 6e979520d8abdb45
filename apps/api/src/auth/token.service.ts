import { Inject, Injectable } from '@nestjs/common';
import type { UserRole } from '@parley/contracts';
import { UnauthorizedError } from '@parley/domain';
import { jwtVerify, SignJWT } from 'jose';
import { API_CONFIG, type ApiConfig } from '../api-config';

export const AUTH_KEY = Symbol('AUTH_KEY');

export interface StaffPrincipal {
  userId: string;
  orgId: string;
  role: UserRole;
}

export interface VisitorPrincipal {
  visitorId: string;
  orgId: string;
  inboxId: string;
}

const ISSUER = 'parley';

/** Signs and checks the two kinds of bearer token: staff (short-lived) and visitor (long-lived). */
@Injectable()
export class TokenService {
  constructor(
    @Inject(AUTH_KEY) private readonly key: Uint8Array,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  signStaff(principal: StaffPrincipal): Promise<string> {
    return new SignJWT({ org: principal.orgId, role: principal.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.userId)
      .setIssuer(ISSUER)
      .setAudience('staff')
      .setIssuedAt()
      .setExpirationTime(this.config.STAFF_TOKEN_TTL)
      .sign(this.key);
  }

  async verifyStaff(token: string): Promise<StaffPrincipal> {
    const payload = await this.verify(token, 'staff');
    const role = payload['role'];
    if (typeof payload.sub !== 'string' || typeof payload['org'] !== 'string' || (role !== 'admin' && role !== 'agent')) {
      throw new UnauthorizedError('invalid token');
    }
    return { userId: payload.sub, orgId: payload['org'], role };
  }

  signVisitor(principal: VisitorPrincipal): Promise<string> {
    return new SignJWT({ org: principal.orgId, inb: principal.inboxId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.visitorId)
      .setIssuer(ISSUER)
      .setAudience('visitor')
      .setIssuedAt()
      .setExpirationTime('365d')
      .sign(this.key);
  }

  async verifyVisitor(token: string): Promise<VisitorPrincipal> {
    const payload = await this.verify(token, 'visitor');
    if (typeof payload.sub !== 'string' || typeof payload['org'] !== 'string' || typeof payload['inb'] !== 'string') {
      throw new UnauthorizedError('invalid visitor token');
    }
    return { visitorId: payload.sub, orgId: payload['org'], inboxId: payload['inb'] };
  }

  private async verify(token: string, audience: string) {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience, algorithms: ['HS256'] });
      return payload;
    } catch {
      throw new UnauthorizedError(audience === 'staff' ? 'invalid or expired access token' : 'invalid visitor token');
    }
  }
}
