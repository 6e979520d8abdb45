import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import { namespaces, rooms, type AgentClientEvents, type AgentServerEvents } from '@parley/contracts';
import type { Namespace, Socket } from 'socket.io';
import { TokenService, type StaffPrincipal } from '../auth/token.service';

type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, { staff: StaffPrincipal }>;

/** Agents' live view: the handshake token is checked once, then the socket joins its org's room. */
@WebSocketGateway({ namespace: namespaces.agent })
export class AgentGateway implements OnGatewayInit<Namespace> {
  private readonly logger = new Logger(AgentGateway.name);

  constructor(private readonly tokens: TokenService) {}

  afterInit(namespace: Namespace): void {
    namespace.use((raw, next) => {
      const socket = raw as AgentSocket;
      const token: unknown = socket.handshake.auth['token'];
      if (typeof token !== 'string') return next(new Error('unauthorized: missing access token'));
      this.tokens.verifyStaff(token).then(
        (staff) => {
          socket.data.staff = staff;
          void socket.join(rooms.orgAgents(staff.orgId));
          next();
        },
        () => next(new Error('unauthorized: invalid or expired access token')),
      );
    });
    this.logger.log('agent namespace ready');
  }
}
