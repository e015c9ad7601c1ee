import type { Plugin } from 'graphql-yoga';
import { type DatabaseHandle, isDatabaseUp } from '../db/connect.js';

/** GET /healthz: 200 when the database answers, 503 when it does not. */
export function useHealthCheck(database: DatabaseHandle): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== '/healthz') return;
      const up = await isDatabaseUp(database.db);
      endResponse(fetchAPI.Response.json({ status: up ? 'ok' : 'unavailable' }, { status: up ? 200 : 503 }));
    },
  };
}
