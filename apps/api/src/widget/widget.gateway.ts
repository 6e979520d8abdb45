import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import {
  namespaces,
  rateSchema,
  rooms,
  sendMessageSchema,
  syncSchema,
  typingSchema,
  visitorEmailSchema,
  type WidgetClientEvents,
  type WidgetServerEvents,
} from '@parley/contracts';
import type { Namespace, Socket } from 'socket.io';
import { TokenService, type VisitorPrincipal } from '../auth/token.service';
import { parseInput } from '../http/parse-input';
import { authenticateHandshakes, handshakeToken } from '../realtime/handshake';
import { toAck } from '../realtime/socket-ack';
import { WidgetService } from './widget.service';

type VisitorSocket = Socket<WidgetClientEvents, WidgetServerEvents, Record<string, never>, { visitor: VisitorPrincipal }>;

@WebSocketGateway({ namespace: namespaces.widget })
export class WidgetGateway implements OnGatewayInit<Namespace> {
  private readonly logger = new Logger(WidgetGateway.name);

  constructor(
    private readonly tokens: TokenService,
    private readonly widget: WidgetService,
  ) {}

  afterInit(namespace: Namespace): void {
    authenticateHandshakes<VisitorSocket>(namespace, (socket) => this.authenticate(socket));
    this.logger.log('widget namespace ready');
  }

  @SubscribeMessage('message:send')
  send(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown) {
    return toAck(() =>
      this.widget.send(socket.data.visitor, parseInput(sendMessageSchema, body), (conversationId) =>
        socket.join(rooms.conversation(conversationId)),
      ),
    );
  }

  @SubscribeMessage('conversation:sync')
  sync(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown) {
    return toAck(() => this.widget.sync(socket.data.visitor, parseInput(syncSchema, body)));
  }

  @SubscribeMessage('conversation:rate')
  rate(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown) {
    return toAck(() => this.widget.rate(socket.data.visitor, parseInput(rateSchema, body)));
  }

  @SubscribeMessage('visitor:email')
  leaveEmail(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown) {
    return toAck(() => this.widget.leaveEmail(socket.data.visitor, parseInput(visitorEmailSchema, body)));
  }

  @SubscribeMessage('typing')
  async typing(@ConnectedSocket() socket: VisitorSocket, @MessageBody() body: unknown): Promise<void> {
    const parsed = typingSchema.safeParse(body);
    if (parsed.success) await this.widget.typing(socket.data.visitor, parsed.data.on);
  }

  private async authenticate(socket: VisitorSocket): Promise<void> {
    const visitor = await this.tokens.verifyVisitor(handshakeToken(socket, 'visitor token')).catch(() => {
      throw new Error('unauthorized: invalid visitor token');
    });
    if (!(await this.widget.inboxAllowsOrigin(visitor, socket.handshake.headers.origin))) {
      throw new Error('forbidden: origin not allowed for this inbox');
    }
    socket.data.visitor = visitor;
    await socket.join(rooms.visitor(visitor.visitorId));
    const conversationId = await this.widget.currentConversationId(visitor);
    if (conversationId) await socket.join(rooms.conversation(conversationId));
  }
}
