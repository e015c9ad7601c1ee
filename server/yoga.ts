import type { IncomingMessage } from 'node:http';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createFetch } from '@whatwg-node/fetch';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { schema } from '../schema/index.js';
import { Authenticator } from './auth.js';
import type { Config } from './config.js';
import type { Context, Services } from './context.js';
import { type DatabaseHandle, isDatabaseUp } from './db/connect.js';
import { useDriveRoute } from './drive/route.js';
import { deriveKeys } from './keys.js';
import type { Logger } from './logger.js';
import { actorOf } from './principal.js';
import { ApiTokenService } from './services/apiTokens.js';
import { ArticleService } from './services/articles.js';
import { CategoryService } from './services/categories.js';
import { DriveAssetService } from './services/driveAssets.js';
import { ProjectService } from './services/projects.js';
import { LastUsedRecorder } from './tokens/lastUsed.js';
import { TokenVerifier } from './tokens/verify.js';

export type AppConfig = Pick<Config, 'secret' | 'operatorKey' | 'production' | 'publicUrl' | 'maxUploadBytes'>;

interface ServerContext {
  req?: IncomingMessage;
}

export interface App {
  yoga: YogaServerInstance<ServerContext, Context>;
  services: Services;
  /** Writes what is pending (lastUsedAt); the timer does it every couple of seconds anyway. */
  flush(): Promise<void>;
  /** Stops background work and flushes; call before closing the database. */
  stop(): Promise<void>;
}

export interface AppOptions {
  config: AppConfig;
  database: DatabaseHandle;
  logger: Logger;
  /** Milliseconds since the epoch; tests pass a controllable one. */
  clock?: () => number;
}

/** Builds the HTTP app (GraphQL at /graphql, files at /drive, health at /healthz); main.ts listens. */
export function createApp({ config, database, logger, clock = Date.now }: AppOptions): App {
  const { db } = database;
  const keys = deriveKeys(config.secret);
  const lastUsed = new LastUsedRecorder(db, {
    clock,
    onError: (err) => logger.error({ err }, 'could not record lastUsedAt'),
  });
  lastUsed.start();
  const authenticator = new Authenticator({
    sessionKey: keys.sessionSigning,
    operatorKey: config.operatorKey,
    verifier: new TokenVerifier(db, keys.tokenDigest),
    onTokenUsed: (id) => lastUsed.note(id),
  });
  const services: Services = {
    projects: new ProjectService(db, keys.sessionSigning),
    apiTokens: new ApiTokenService(db, keys),
    categories: new CategoryService(db),
    articles: new ArticleService(db),
    driveAssets: new DriveAssetService(db, {
      publicUrl: config.publicUrl,
      linkKey: keys.driveLinkSigning,
      maxUploadBytes: config.maxUploadBytes,
      clock,
    }),
  };

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: config.production ? false : { title: 'kbgate', headers: '{"Authorization": "Bearer "}' },
    logging: logger,
    // One byte over the cap lets the resolver see an oversized file and answer FileTooLargeError.
    fetchAPI: createFetch({ formDataLimits: { fileSize: config.maxUploadBytes + 1, files: 1, fieldSize: 1024 * 1024 } }),
    plugins: [
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      useHealthCheck(database),
      useDriveRoute({ db, linkKey: keys.driveLinkSigning, clock }),
    ],
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
  return { yoga, services, flush: () => lastUsed.flush(), stop: () => lastUsed.stop() };
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
