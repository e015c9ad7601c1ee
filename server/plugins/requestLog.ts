import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';

export interface RequestInfo {
  id: string;
  startedAt: number;
  /** Who called, once known: e.g. "API_TOKEN <token id>"; never a credential. */
  caller?: string;
  /** Headers to add to the response (rate-limit state). */
  headers?: Record<string, string>;
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * One request id per request (the caller's X-Request-Id when it is sane, else
 * a new one), echoed in the response and in one log line per request. The
 * line has the path without its query string: drive links carry signatures.
 */
export function useRequestLog(logger: Logger, requests: WeakMap<Request, RequestInfo>): Plugin {
  return {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id');
      requests.set(request, { id: given && REQUEST_ID.test(given) ? given : randomUUID(), startedAt: performance.now() });
    },
    onResponse({ request, response }) {
      const info = requests.get(request);
      if (!info) return;
      response.headers.set('x-request-id', info.id);
      for (const [name, value] of Object.entries(info.headers ?? {})) response.headers.set(name, value);
      logger.info(
        {
          reqId: info.id,
          method: request.method,
          path: new URL(request.url).pathname,
          status: response.status,
          ms: Math.round(performance.now() - info.startedAt),
          caller: info.caller,
        },
        'request',
      );
    },
  };
}
