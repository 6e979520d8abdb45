import {
  createParamDecorator,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { UserRole } from '@parley/contracts';
import { ForbiddenError, UnauthorizedError } from '@parley/domain';
import type { Request } from 'express';
import { TokenService, type StaffPrincipal } from './token.service';

const PUBLIC = 'parley:public';
const ROLES = 'parley:roles';

/** Marks an endpoint that needs no staff token (health, login, the widget's session). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Restricts an endpoint to these roles (every other endpoint needs any staff token). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

type StaffRequest = Request & { staff?: StaffPrincipal };

export const Staff = createParamDecorator((_: unknown, context: ExecutionContext): StaffPrincipal => {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new UnauthorizedError('missing access token');
  return staff;
});

/** Global guard: every endpoint needs a valid staff token unless it is marked @Public(). */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<StaffRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedError('missing access token');
    request.staff = await this.tokens.verifyStaff(token);

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.staff.role)) {
      throw new ForbiddenError(`this needs the ${roles.join(' or ')} role`);
    }
    return true;
  }
}
