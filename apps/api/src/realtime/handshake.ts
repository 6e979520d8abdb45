import type { Namespace, Socket } from 'socket.io';

/**
 * Checks every connection of a namespace once, at the handshake: `authenticate` reads the
 * handshake token (see `handshakeToken`), fills `socket.data` and joins rooms, or throws an Error
 * whose message the client receives as `connect_error`.
 */
export function authenticateHandshakes<S extends Socket>(namespace: Namespace, authenticate: (socket: S) => Promise<void>): void {
  namespace.use((socket, next) => {
    authenticate(socket as S).then(
      () => next(),
      (error: unknown) => next(error instanceof Error ? error : new Error('unauthorized')),
    );
  });
}

export function handshakeToken(socket: Socket, kind: string): string {
  const token: unknown = socket.handshake.auth['token'];
  if (typeof token !== 'string') throw new Error(`unauthorized: missing ${kind}`);
  return token;
}
