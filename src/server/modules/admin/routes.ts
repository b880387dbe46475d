import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OutboxResponse } from '../../../contracts/admin';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { listOutbox } from '../mail/mailer';

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
      schema: { tags: ['admin'], summary: 'Mail waiting in or sent from the outbox (beheerder)', response: { 200: OutboxResponse } },
    },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      const mails = await listOutbox(services.db, request.signedIn.actor.institutionId);
      return {
        delivers: services.mailer.delivers,
        mails: mails.map((m) => ({
          id: m.id,
          recipient: m.recipient,
          subject: m.subject,
          bodyText: m.bodyText,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
      };
    },
  );
};
