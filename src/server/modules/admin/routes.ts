import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OutboxResponse } from '../../../contracts/admin';
import type { Services } from '../../context';
import { translate } from '../../../i18n/translate';
import { AppError } from '../../errors/app-error';
import { listOutbox, redactSecretLinks } from '../mail/public';

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
};
