#!/usr/bin/env bash
# Fails when src/server/db/schema.ts has changes that no committed migration holds.
set -euo pipefail
before=$(ls drizzle/*.sql | sort)
npx drizzle-kit generate >/dev/null
after=$(ls drizzle/*.sql | sort)
if [ "$before" != "$after" ]; then
  new=$(comm -13 <(echo "$before") <(echo "$after"))
  echo "The schema changed without a migration. drizzle-kit generated: $new" >&2
  echo "Run 'npm run db:generate' and commit the migration." >&2
  git checkout -- drizzle/meta 2>/dev/null || true
  rm -f $new
  exit 1
fi
echo "Migrations match the schema."
