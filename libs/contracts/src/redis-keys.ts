/** Socket.io rooms, shared by the gateways (join) and the worker's emitter (emit). */
export const rooms = {
  conversation: (conversationId: string) => `conv:${conversationId}`,
  visitor: (visitorId: string) => `visitor:${visitorId}`,
  orgAgents: (orgId: string) => `org:${orgId}:agents`,
} as const;

export const namespaces = {
  widget: '/widget',
  agent: '/agent',
} as const;

/** Redis pub/sub channel on which an agent's takeover cancels a streaming bot turn. */
export const turnCancelChannel = (prefix: string) => `${prefix}:turn-cancel`;
