import type { HttpMethod, Role } from './db/database.js';
import type { ApiTokenRecord } from './db/apiTokens.js';

/** Who is calling, decided once per request by `auth.ts`. */
export type Principal =
  | { kind: 'OPERATOR' }
  | { kind: 'ADMIN'; userId: string; projectId: string; role: Role }
  | {
      kind: 'API_TOKEN';
      projectId: string;
      token: ApiTokenRecord;
      allowedMethods: HttpMethod[];
      /** The project's requests per minute for each of its tokens. */
      rateLimitPerMinute: number;
    };

/** Who an audit event names. */
export interface Actor {
  kind: Principal['kind'];
  id: string | null;
  clientAddress: string | null;
}

export function actorOf(principal: Principal, clientAddress: string | null): Actor {
  switch (principal.kind) {
    case 'OPERATOR':
      return { kind: 'OPERATOR', id: null, clientAddress };
    case 'ADMIN':
      return { kind: 'ADMIN', id: principal.userId, clientAddress };
    case 'API_TOKEN':
      return { kind: 'API_TOKEN', id: principal.token.id, clientAddress };
  }
}
