import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/server/db/schema.ts and committed; `npm test` fails when the
// schema and the committed migrations drift apart (scripts/check-migrations.sh).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './drizzle',
});
