/**
 * Builds the Fastify application. Tests call buildApp() and use app.inject(); main.ts listens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import type { Services } from './context';
import { AppError } from './errors/app-error';
import { registerAccessHook } from './http/access-hook';
import { registerHealthRoutes } from './http/health';
import { registerMetrics } from './http/metrics';
import { cookiePolicy } from './http/cookies';
import { errorHandler } from './http/error-handler';
import { isLocale } from '../i18n/translate';
import { indexDocuments } from './http/index-html';
import { logSerializers } from './http/logging';
import { registerSessionHook } from './http/session-hook';
import { zodValidatorCompiler } from './http/validation';
import { adminRoutes } from './modules/admin/routes';
import { consentRoutes } from './modules/consent/routes';
import { supportRoutes } from './modules/support/routes';
import { coachRoutes } from './modules/coaches/routes';
import { programmeRoutes } from './modules/programme/routes';
import { communityRoutes } from './modules/communities/routes';
import { announcementRoutes } from './modules/announcements/routes';
import { homeRoutes } from './modules/home/routes';
import { resolveSession } from './modules/identity/public';
import { identityRoutes } from './modules/identity/routes';
import { resilienceRoutes } from './modules/resilience/routes';
import { sessionRoutes } from './modules/sessions/routes';
import { activityRoutes } from './modules/activities/routes';
import { calendarRoutes } from './modules/calendar/routes';
import { schedulingRoutes } from './modules/scheduling/routes';
import { groupingRoutes } from './modules/grouping/routes';
import { invitationRoutes } from './modules/invitations/routes';
import { ssoRoutes } from './modules/sso/routes';
import { peopleRoutes } from './modules/people/routes';
import { financeRoutes } from './modules/finance/routes';
import { roadmapRoutes } from './modules/roadmap/routes';
import { compensationRoutes } from './modules/compensation/routes';
import { yearRoutes } from './modules/year/routes';
import { growthRoutes } from './modules/growth/routes';
import { participationRoutes } from './modules/participation/public';
import { caseloadRoutes } from './modules/caseloads/public';
import { classwideRoutes } from './modules/classwide/public';
import { researchRoutes } from './modules/research/routes';
import { rightsRoutes } from './modules/rights/public';
import { evaluationRoutes } from './modules/evaluation/routes';
import { insightRoutes } from './modules/insight/routes';
import { endyearRoutes } from './modules/endyear/public';
import { Lifecycle } from './operations/lifecycle';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export type BuildAppOptions = {
  services: Services;
  /** pino options; tests pass false. Request logs carry ids, never personal data. */
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  /** Shared with main.ts's graceful shutdown: readiness answers 503 once it drains. */
  lifecycle?: Lifecycle;
};

export async function buildApp({ services, logger = false, lifecycle = new Lifecycle() }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            level: typeof logger === 'object' ? logger.level : 'info',
            // Request logs carry method, URL (ids only, never names or e-mail) and request id.
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            // …and never a secret token: a calendar feed's is in its URL (http/logging.ts).
            serializers: logSerializers,
            ...(typeof logger === 'object' && logger.stream ? { stream: logger.stream } : {}),
          },
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
    // Which X-Forwarded-For entries to believe: request.ip is what attempt limits count (config.ts).
    trustProxy: services.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // A path no route serves, or a known path with another method: the same translated 404 as a
  // resource the policy hides. (Other non-API GETs are the web client's, below.)
  app.setNotFoundHandler((request, reply) => errorHandler(new AppError('not_found'), request, reply));

  const cookies = cookiePolicy(services.config.publicUrl);
  await app.register(cookie);
  // helmet's middleware, built once: @fastify/helmet builds it again on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Local http use must not be upgraded to https.
        upgradeInsecureRequests: services.config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    hsts: services.config.publicUrl.startsWith('https://'),
  });
  // The web client's hashed scripts and styles are not documents: the document-only headers (CSP,
  // frame and referrer rules, …, ~600 bytes) would go out with each of the ~20 files a first page
  // loads. They keep what applies to a subresource: no sniffing, same-origin use, HSTS on https.
  const https = services.config.publicUrl.startsWith('https://');
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/assets/')) {
      void reply.header('x-content-type-options', 'nosniff').header('cross-origin-resource-policy', 'same-origin');
      if (https) void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
      done();
      return;
    }
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  // API answers hold personal data: no browser or proxy keeps them, unless a route says otherwise
  // (the calendar feed: private, no-store; a coach's photo: private, cached a day).
  app.addHook('onSend', (request, reply, payload, done) => {
    if ((request.url === '/api' || request.url.startsWith('/api/') || request.url.startsWith('/api?')) && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'peerkracht API', version: '0.1.0', description: 'Student peer-coaching platform' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: cookies.session },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  registerSessionHook(app, services, cookies);
  registerAccessHook(app, services, cookies);

  registerHealthRoutes(app, services, lifecycle);
  registerMetrics(app, services);
  app.get(
    '/api/docs',
    { config: { access: { public: true } }, schema: { hide: true } },
    async () => app.swagger(),
  );

  await app.register(identityRoutes, { services, cookies });
  await app.register(homeRoutes, { services });
  await app.register(communityRoutes, { services });
  await app.register(adminRoutes, { services });
  await app.register(consentRoutes, { services });
  await app.register(supportRoutes, { services });
  await app.register(resilienceRoutes, { services });
  await app.register(programmeRoutes, { services });
  await app.register(coachRoutes, { services });

  await app.register(sessionRoutes, { services });
  await app.register(activityRoutes, { services });
  await app.register(calendarRoutes, { services });
  await app.register(schedulingRoutes, { services });
  await app.register(groupingRoutes, { services });
  await app.register(invitationRoutes, { services, cookies });
  await app.register(ssoRoutes, { services, cookies });
  await app.register(peopleRoutes, { services });
  await app.register(financeRoutes, { services });
  await app.register(roadmapRoutes, { services });
  await app.register(compensationRoutes, { services });
  await app.register(yearRoutes, { services });
  await app.register(participationRoutes, { services });
  await app.register(caseloadRoutes, { services });
  await app.register(classwideRoutes, { services });
  await app.register(announcementRoutes, { services });
  await app.register(researchRoutes, { services });
  await app.register(rightsRoutes, { services });
  await app.register(evaluationRoutes, { services });
  await app.register(insightRoutes, { services });
  await app.register(growthRoutes, { services });
  await app.register(endyearRoutes, { services });

  await registerWebClient(app, services, cookies.session);
  return app;
}

/** Serves the built web client; every non-API path gets index.html (client-side routing). */
async function registerWebClient(app: FastifyInstance, services: Services, sessionCookie: string): Promise<void> {
  const hasBuild = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  // Precompressed .br/.gz files from the build are sent when the browser accepts them.
  if (hasBuild) await app.register(fastifyStatic, { root: WEB_DIST, serve: false, preCompressed: true, cacheControl: false });
  const indexFor = hasBuild ? indexDocuments(WEB_DIST) : null;
  app.get('/*', { config: { access: { public: true } }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) throw new AppError('not_found');
    if (!indexFor) return reply.type('text/plain').send('The web client is not built: run `npm run build:web`.');
    const file = decodeURIComponent(request.url.split('?')[0] ?? '/').replace(/^\/+/, '');
    const candidate = path.join(WEB_DIST, file);
    if (file && candidate.startsWith(WEB_DIST) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      const immutable = file.startsWith('assets/');
      return reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(file);
    }
    // index.html with the requested page's code preloaded, and its first data when the cookie names
    // a live session with nothing left to set up (MFA): a stale cookie's or a pending set-up's data
    // call would be refused and show in the browser's console as a failed load (http/index-html.ts).
    const token = request.cookies[sessionCookie];
    const signedIn = token ? await resolveSession(services, token) : null;
    const live = signedIn !== null && !signedIn.mfaSetupRequired;
    const document = indexFor(`/${file}`, live ? { roles: signedIn.actor.grants.map((g) => g.role), language: isLocale(signedIn.person.locale) ? signedIn.person.locale : 'nl' } : null);
    void reply.header('cache-control', 'no-cache').header('vary', 'accept-encoding, cookie').header('etag', document.etag).type('text/html; charset=utf-8');
    if (request.headers['if-none-match'] === document.etag) return reply.code(304).send();
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(document.br);
    if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(document.gzip);
    return reply.send(document.identity);
  });
}
