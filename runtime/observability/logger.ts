import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Anything that could carry a secret is redacted at the logger, so a
 * careless log call cannot leak a password, token or credential.
 */
export const REDACTED_PATHS = [
  'password', '*.password', 'token', '*.token', 'authorization', '*.authorization',
  'cookie', '*.cookie', 'req.headers.cookie', 'req.headers.authorization', 'secret', '*.secret',
  'privateKey', '*.privateKey', 'databaseUrl', '*.databaseUrl',
];

export function createLogger({ level = process.env.LOG_LEVEL ?? 'info', destination }: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    { level, base: { service: 'opspilot' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
}

export type { Logger };
