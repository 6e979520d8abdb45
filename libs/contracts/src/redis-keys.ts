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
