import type { IncomingMessage } from 'node:http';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { schema } from '../schema/index.js';
import { Authenticator } from './auth.js';
import type { Config } from './config.js';
import type { Context, Services } from './context.js';
import { type DatabaseHandle, isDatabaseUp } from './db/connect.js';
import { deriveKeys } from './keys.js';
import type { Logger } from './logger.js';
import { actorOf } from './principal.js';
import { ApiTokenService } from './services/apiTokens.js';
import { ProjectService } from './services/projects.js';
import { TokenVerifier } from './tokens/verify.js';

export type AppConfig = Pick<Config, 'secret' | 'operatorKey' | 'production'>;

interface ServerContext {
  req?: IncomingMessage;
}

export interface App {
  yoga: YogaServerInstance<ServerContext, Context>;
  services: Services;
}

/** Builds the HTTP app (GraphQL at /graphql, health at /healthz); listening is main.ts's job. */
export function createApp(options: { config: AppConfig; database: DatabaseHandle; logger: Logger }): App {
  const { config, database, logger } = options;
  const { db } = database;
  const keys = deriveKeys(config.secret);
  const authenticator = new Authenticator({
    sessionKey: keys.sessionSigning,
    operatorKey: config.operatorKey,
    verifier: new TokenVerifier(db, keys.tokenDigest),
  });
  const services: Services = {
    projects: new ProjectService(db, keys.sessionSigning),
    apiTokens: new ApiTokenService(db, keys),
  };

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: config.production ? false : { title: 'kbgate', headers: '{"Authorization": "Bearer "}' },
    logging: logger,
    plugins: [useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }), useHealthCheck(database)],
    context: async ({ request, req }): Promise<Context> => {
      const principal = await authenticator.authenticate(request.headers);
      const clientAddress = req?.socket.remoteAddress ?? null;
      return {
        principal,
        clientAddress,
        services,
        actor: () => actorOf(required(principal), clientAddress),
        projectId: () => {
          const p = required(principal);
          if (p.kind === 'OPERATOR') throw new Error('this field needs a project credential');
          return p.projectId;
        },
      };
    },
  });
  return { yoga, services };
}

function required<T>(value: T | null): T {
  if (value === null) throw new Error('this field needs a credential');
  return value;
}

/** GET /healthz: 200 when the database answers, 503 when it does not. */
function useHealthCheck(database: DatabaseHandle): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/healthz') return;
      const up = await isDatabaseUp(database.db);
      endResponse(
        fetchAPI.Response.json({ status: up ? 'ok' : 'unavailable' }, { status: up ? 200 : 503 }),
      );
    },
  };
}
