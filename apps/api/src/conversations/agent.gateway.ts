import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { agentTypingSchema, namespaces, rooms, type AgentClientEvents, type AgentServerEvents } from '@parley/contracts';
import type { Namespace, Socket } from 'socket.io';
import { TokenService, type StaffPrincipal } from '../auth/token.service';
import { PresenceService } from '../presence/presence.service';
import { authenticateHandshakes, handshakeToken } from '../realtime/handshake';
import { ConversationsService } from './conversations.service';

type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, { staff: StaffPrincipal }>;

/** Agents' live view: the handshake token is checked once, then the socket joins its org's room. */
@WebSocketGateway({ namespace: namespaces.agent })
export class AgentGateway implements OnGatewayInit<Namespace>, OnGatewayDisconnect<AgentSocket> {
  private readonly logger = new Logger(AgentGateway.name);

  constructor(
    private readonly tokens: TokenService,
    private readonly conversations: ConversationsService,
    private readonly presence: PresenceService,
  ) {}

  afterInit(namespace: Namespace): void {
    authenticateHandshakes<AgentSocket>(namespace, async (socket) => {
      const staff = await this.tokens.verifyStaff(handshakeToken(socket, 'access token')).catch(() => {
        throw new Error('unauthorized: invalid or expired access token');
      });
      socket.data.staff = staff;
      await socket.join(rooms.orgAgents(staff.orgId));
      await this.presence.connected(socket.id, { orgId: staff.orgId, userId: staff.userId });
    });
    this.logger.log('agent namespace ready');
  }

  /** An agent who leaves the live view no longer counts as online. */
  async handleDisconnect(socket: AgentSocket): Promise<void> {
    await this.presence.disconnected(socket.id);
  }

  /** An agent typing in a conversation of its organization: the visitor sees "typing". */
  @SubscribeMessage('typing')
  async typing(@ConnectedSocket() socket: AgentSocket, @MessageBody() body: unknown): Promise<void> {
    const parsed = agentTypingSchema.safeParse(body);
    if (parsed.success) await this.conversations.agentTyping(socket.data.staff, parsed.data.conversationId, parsed.data.on);
  }
}
