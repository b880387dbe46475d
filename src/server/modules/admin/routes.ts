import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OutboxResponse, RetentionDryRunResponse } from '../../../contracts/admin';
import type { Services } from '../../context';
import { translate } from '../../../i18n/translate';
import { AppError } from '../../errors/app-error';
import { listOutbox, redactSecretLinks } from '../mail/public';
import { nextRetentionRun, runRetentionPass } from '../retention/public';

export const adminRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/admin/outbox',
    {
      config: {
        access: {
          action: 'outbox:read',
          resource: async (request) =>
            request.signedIn ? { kind: 'institution', institutionId: request.signedIn.actor.institutionId } : null,
        },
      },
      schema: { tags: ['admin'], summary: 'Mail waiting in or sent from the outbox (beheerder); the token of every link that works without signing in is hidden', response: { 200: OutboxResponse } },
    },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      const mails = await listOutbox(services.db, request.signedIn.actor.institutionId);
      // The stored mail keeps the real link for delivery; nobody but the recipient may see its token.
      const hidden = translate(request.locale, 'outbox.hiddenToken');
      return {
        delivers: services.mailer.delivers,
        mails: mails.map((m) => ({
          id: m.id,
          recipient: m.recipient,
          subject: m.subject,
          bodyText: redactSecretLinks(m.bodyText, hidden),
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.get(
    '/api/admin/retention',
    {
      config: {
        access: {
          action: 'retention:read',
          resource: async (request) =>
            request.signedIn ? { kind: 'institution', institutionId: request.signedIn.actor.institutionId } : null,
        },
      },
      schema: {
        tags: ['admin'],
        summary: 'The retention dry run (beheerder): per table, how many rows the next daily retention pass deletes or anonymises if nothing changes before it runs; counts only, for the whole installation; changes nothing',
        response: { 200: RetentionDryRunResponse },
      },
    },
    async () => {
      // The next run applies the rules at its own moment; the dry run counts at that moment too.
      const nextRunAt = nextRetentionRun(services.now());
      const result = await runRetentionPass({ services: { ...services, now: () => nextRunAt }, dryRun: true });
      return { nextRunAt: result.at, tables: result.tables };
    },
  );
};
