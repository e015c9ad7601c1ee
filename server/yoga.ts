import type { IncomingMessage } from 'node:http';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createFetch } from '@whatwg-node/fetch';
import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { schema } from '../schema/index.js';
import { Authenticator } from './auth.js';
import type { Config } from './config.js';
import type { Context, Services } from './context.js';
import type { DatabaseHandle } from './db/connect.js';
import { deriveKeys } from './keys.js';
import type { Logger } from './logger.js';
import { useBodyLimit } from './plugins/bodyLimit.js';
import { useDriveRoute } from './plugins/driveRoute.js';
import { useErrorHygiene } from './plugins/errorHygiene.js';
import { graphqlLimits } from './plugins/graphqlLimits.js';
import { useHealthCheck } from './plugins/healthCheck.js';
import { type RequestInfo, useRequestLog } from './plugins/requestLog.js';
import { actorOf, type Principal } from './principal.js';
import { FailedAuthLimiter } from './rateLimit/failedAuth.js';
import { type RateDecision, TokenRateLimiter } from './rateLimit/tokens.js';
import { ApiTokenService } from './services/apiTokens.js';
import { ArticleService } from './services/articles.js';
import { AuditService } from './services/audit.js';
import { CategoryService } from './services/categories.js';
import { DriveAssetService } from './services/driveAssets.js';
import { ProjectService } from './services/projects.js';
import { LastUsedRecorder } from './tokens/lastUsed.js';
import { TokenVerifier } from './tokens/verify.js';

export type AppConfig = Pick<
  Config,
  'secret' | 'operatorKey' | 'production' | 'publicUrl' | 'maxUploadBytes' | 'limits'
>;

const UPLOAD_SLACK = 64 * 1024;
const PRUNE_INTERVAL_MS = 15 * 60_000;

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
  const rateLimiter = new TokenRateLimiter(db, clock);
  // Every process prunes now and then; deleting windows over an hour old is idempotent.
  const pruning = setInterval(() => {
    rateLimiter.prune().catch((err) => logger.warn({ err }, 'could not prune old rate-limit windows'));
  }, PRUNE_INTERVAL_MS);
  pruning.unref();
  const failedAuth = new FailedAuthLimiter(config.limits.authFailuresPerMinute, clock);
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
    audit: new AuditService(db),
  };
  const requests = new WeakMap<Request, RequestInfo>();
  const principals = new WeakMap<Request, Principal | null>();

  /** Failed-auth limit, credential check, then the token's rate limit: once per request. */
  async function authenticate(request: Request, clientAddress: string | null): Promise<Principal | null> {
    const blockedFor = clientAddress ? failedAuth.blockedFor(clientAddress) : 0;
    if (blockedFor > 0) throw tooManyRequests('Too many failed authentication attempts', { 'Retry-After': String(blockedFor) });
    let principal: Principal | null;
    try {
      principal = await authenticator.authenticate(request.headers);
    } catch (error) {
      if (clientAddress && error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
        failedAuth.recordFailure(clientAddress);
      }
      throw error;
    }
    const info = requests.get(request);
    if (info && principal) info.caller = principal.kind === 'API_TOKEN' ? `API_TOKEN ${principal.token.id}` : principal.kind;
    if (principal?.kind === 'API_TOKEN') {
      const decision = await rateLimiter.take(principal.token.id, principal.rateLimitPerMinute);
      const headers = rateLimitHeaders(decision);
      // A refusal carries them on its error (Yoga writes those); an allowed request gets them here.
      if (info && decision.allowed) info.headers = headers;
      if (!decision.allowed) {
        throw tooManyRequests(`Rate limit of ${decision.limit} requests a minute reached`, {
          ...headers,
          'Retry-After': headers['X-RateLimit-Reset']!,
        });
      }
    }
    return principal;
  }

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: config.production ? false : { title: 'kbgate', headers: '{"Authorization": "Bearer "}' },
    logging: logger,
    // A file up to UPLOAD_SLACK over the cap is read and answered with FileTooLargeError;
    // past that the server stops reading: 413. Non-upload bodies are capped by useBodyLimit.
    maxRequestBodySize: config.maxUploadBytes + UPLOAD_SLACK,
    fetchAPI: createFetch({
      formDataLimits: { fileSize: config.maxUploadBytes + UPLOAD_SLACK, files: 1, fieldSize: config.limits.maxBodyBytes },
    }),
    plugins: [
      useRequestLog(logger, requests),
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      useHealthCheck(database),
      useDriveRoute({ db, linkKey: keys.driveLinkSigning, clock }),
      useBodyLimit(config.limits.maxBodyBytes),
      {
        // Before the document is parsed, so a refused caller costs no parsing or validation,
        // and an invalid document still counts against the token's minute.
        async onParams({ request, context }) {
          principals.set(request, await authenticate(request, clientAddressOf(context)));
        },
      },
      ...graphqlLimits(config.limits, config.production),
      useErrorHygiene({ production: config.production }),
    ],
    context: ({ request, req }): Context => {
      const clientAddress = clientAddressOf({ req });
      const principal = principals.get(request) ?? null;
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
  return {
    yoga,
    services,
    flush: () => lastUsed.flush(),
    stop: () => {
      clearInterval(pruning);
      return lastUsed.stop();
    },
  };
}

function clientAddressOf(context: ServerContext): string | null {
  return context.req?.socket.remoteAddress ?? null;
}

function required<T>(value: T | null): T {
  if (value === null) throw new Error('this field needs a credential');
  return value;
}

function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(decision.resetSeconds),
  };
}

function tooManyRequests(message: string, headers: Record<string, string>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'RATE_LIMITED', http: { status: 429, headers } } });
}
