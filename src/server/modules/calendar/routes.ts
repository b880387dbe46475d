import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarFeedResponse, CalendarFeedStatusResponse } from '../../../contracts/sessions';
import type { Services } from '../../context';
import { AppError } from '../../errors/app-error';
import { hasCalendarFeed, regenerateCalendarFeed, renderCalendarFeed } from './calendar-feed';

const FeedParams = z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });

export const calendarRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/calendar/:file',
    {
      // The token in the URL is the credential: calendar apps cannot sign in.
      config: { access: { public: true } },
      schema: { tags: ['calendar'], summary: 'A person’s secret iCalendar feed', params: FeedParams },
    },
    async (request, reply) => {
      const feed = await renderCalendarFeed({ services, token: request.params.file.slice(0, -4) });
      if (feed === null) throw new AppError('not_found');
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(feed);
    },
  );
  app.get(
    '/api/me/calendar-feed',
    { config: { access: { signedIn: true } }, schema: { tags: ['calendar'], summary: 'Whether the person has a feed URL', response: { 200: CalendarFeedStatusResponse } } },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      return { exists: await hasCalendarFeed({ services, personId: request.signedIn.actor.personId }) };
    },
  );
  app.post(
    '/api/me/calendar-feed',
    { config: { access: { signedIn: true } }, schema: { tags: ['calendar'], summary: 'Make a new feed URL (the old one stops working)', response: { 200: CalendarFeedResponse } } },
    async (request) => {
      if (!request.signedIn) throw new AppError('unauthenticated');
      return regenerateCalendarFeed({ services, personId: request.signedIn.actor.personId });
    },
  );
};
