import { createServer } from 'node:http';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { ConfigError, loadConfig } from './config.js';
import { openConfiguredDatabase } from './database.js';
import { migrateToLatest } from './db/migrate.js';
import { createLogger } from './logger.js';
import { demoAdminSession, firstProject, seedDemoProject } from './seed/index.js';
import { createApp } from './yoga.js';

const logger = createLogger();
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const database = openConfiguredDatabase(config);
  await migrateToLatest(database.db);
  const app = createApp({ config, database, logger });
  const { yoga, services } = app;

  // Seeded before listening, so no request sees a half-made demo project.
  const seeded = config.production ? null : await seedDemoProject(services);

  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const graphqlUrl = `${config.publicUrl}/graphql`;
  logger.info({ url: graphqlUrl, database: database.kind }, 'kbgate is listening');

  if (!config.production) {
    if (config.generated.secret) {
      logger.warn({ dataDir: config.dataDir }, 'generated a dev KBGATE_SECRET in the data dir; set KBGATE_SECRET in production');
    }
    const project = seeded ?? (await firstProject(services));
    const session = project && (await demoAdminSession(services, project));
    // Dev only: what a newcomer needs to click through GraphiQL, on stdout rather than in the log.
    console.log(
      [
        '',
        `  GraphQL / GraphiQL  ${graphqlUrl}`,
        `  Operator key        ${config.operatorKey}`,
        ...(project && session
          ? [
              `  Demo project        ${project.name} (${encodeGlobalID('Project', project.id)})${seeded ? ' — created now' : ''}`,
              `  Admin session       ${session.token}`,
              `                      (OWNER, valid until ${session.expiresAt.toISOString()})`,
            ]
          : []),
        '',
        '  Send a credential as the header  Authorization: Bearer <credential>',
        '',
      ].join('\n'),
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Stop listening first, so that by the time this is logged no new connection is accepted.
    server.close(async () => {
      await app.stop().catch((err: unknown) => logger.error({ err }, 'could not flush pending writes'));
      await database.close();
      logger.info('stopped');
      // The log is written asynchronously; exiting before it drains would drop the last lines.
      logger.flush(() => process.exit(0));
    });
    server.closeIdleConnections();
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    // Requests still running after the grace period are cut off rather than waited on forever.
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`kbgate: ${error.message}`);
  } else {
    logger.fatal({ err: error }, 'kbgate failed to start');
  }
  logger.flush(() => process.exit(1));
});
