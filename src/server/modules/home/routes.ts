import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HomeResponse } from '../../../contracts/home';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { getHome } from './get-home';

export const homeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/home',
    {
      // Signed in is enough: get-home filters every item through the access policy itself.
      config: { access: { signedIn: true } },
      schema: { tags: ['home'], summary: 'What the home screen shows, for every role the person holds', response: { 200: HomeResponse } },
    },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      return getHome({ services, actor: request.signedIn.actor, locale: request.locale });
    },
  );
};
