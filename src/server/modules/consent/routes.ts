/** HTTP routes of consent and of "who looked at my data": a person's own data only. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AnswerConsentRequest, ConsentHistoryResponse, ConsentSummary, MyConsentsResponse, ReadsResponse } from '../../../contracts/consent';
import { ConsentId } from '../../../contracts/content/consents';
import { ErrorResponse } from '../../../contracts/identity';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { answerConsent } from './answer-consent';
import { listMyConsents } from './list-my-consents';
import { listMyReads } from './list-my-reads';
import { consentRepository } from './repository';

const Params = z.strictObject({ consentId: ConsentId });

export const consentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const me = (request: { signedIn: { actor: { personId: string } } | null }) => {
    if (!request.signedIn) throw new AppError('unauthenticated');
    return request.signedIn.actor;
  };

  app.get(
    '/api/me/consents',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['consent'], summary: 'My consents: current text and my current answer', response: { 200: MyConsentsResponse } },
    },
    async (request) => ({ consents: await listMyConsents({ services, personId: me(request).personId }) }),
  );

  app.put(
    '/api/me/consents/:consentId',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['consent'],
        summary: 'Grant or withdraw one consent (effective immediately)',
        params: Params,
        body: AnswerConsentRequest,
        response: { 200: ConsentSummary, 400: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      return answerConsent({ services, actor: request.signedIn.actor, consentId: request.params.consentId, answer: request.body });
    },
  );

  app.get(
    '/api/me/consents/history',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['consent'], summary: 'Every consent answer I gave (the ledger)', response: { 200: ConsentHistoryResponse } },
    },
    async (request) => {
      const events = await consentRepository(services.db).eventsOf(me(request).personId);
      return {
        events: events
          .reverse()
          .flatMap((e) => {
            const id = ConsentId.safeParse(e.consentId);
            return id.success ? [{ consentId: id.data, event: e.event, textVersion: e.textVersion, at: e.at.toISOString() }] : [];
          }),
      };
    },
  );

  app.get(
    '/api/me/reads',
    {
      config: { access: { signedIn: true } },
      schema: { tags: ['consent'], summary: 'Who looked at my sensitive data, and when', response: { 200: ReadsResponse } },
    },
    async (request) => listMyReads({ services, personId: me(request).personId }),
  );
};
