/**
 * Writes the OpenAPI document generated from the route schemas to docs/openapi.json
 * (`npm run openapi`). `npm test` regenerates it and fails when the committed copy differs.
 */
import fs from 'node:fs';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { loadContent } from '../src/server/content/load-content';
import { openDatabase } from '../src/server/db/client';
import { createMailer } from '../src/server/modules/mail/public';

const OUT = 'docs/openapi.json';

const config = loadConfig({ NODE_ENV: 'test' });
const database = await openDatabase({ kind: 'pglite', dataDir: null });
const app = await buildApp({
  services: {
    db: database.db,
    config,
    content: await loadContent(config.contentDir),
    mailer: createMailer({ db: database.db, smtpUrl: null, from: config.mailFrom }),
    now: () => new Date(),
  },
});
await app.ready();
const document = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await database.close();

if (process.argv.includes('--check')) {
  const committed = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (committed !== document) {
    console.error(`${OUT} is out of date with the route schemas: run \`npm run openapi\` and commit it.`);
    process.exit(1);
  }
  console.log(`${OUT} matches the routes.`);
} else {
  fs.writeFileSync(OUT, document);
  console.log(`Wrote ${OUT}`);
}
