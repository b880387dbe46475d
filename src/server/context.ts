/** What every use case may use: the database, the configuration, the mailer and a clock. */
import type { Content } from '../contracts/content/content-files';
import type { Config } from './config';
import type { Db } from './db/client';
import type { Mailer } from './modules/mail/public';

export type Services = {
  db: Db;
  config: Config;
  mailer: Mailer;
  /** The validated seed content, loaded once at start-up. */
  content: Content;
  /** Injected so tests can move time (token expiry, reminders). */
  now: () => Date;
};
