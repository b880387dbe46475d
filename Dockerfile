# peerkracht — production image (docs/operations.md, "Containers").
#   docker build -t peerkracht .
#   docker compose up        (compose.yaml: PostgreSQL, two app instances, HAProxy)
# test/e2e/production-bundle.test.ts builds and starts the bundle with these same commands.

# --- build: the web client and the server bundle, with every (dev) dependency ---
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --logLevel warn \
 && node scripts/build-server.mjs --out /app

# --- run: the bundle and the runtime dependencies only, as an unprivileged user ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app ./
USER node
EXPOSE 3000
# Liveness only (no database call): readiness, /readyz, is for the load balancer.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node as PID 1 gets SIGTERM directly: main.js drains and shuts down gracefully (docs/operations.md).
CMD ["node", "src/server/main.js"]
