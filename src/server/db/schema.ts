/**
 * The database schema, one file per bounded context under ./schema/. Every table that holds
 * personal data says so in its comment: purpose, retention and whether it is special-category
 * data (AVG/GDPR art. 9). drizzle-kit reads this file; migrations are in /drizzle.
 */
export * from './schema/organisation';
export * from './schema/identity';
export * from './schema/mail';
export * from './schema/audit';
export * from './schema/consent';
export * from './schema/jobs';
export * from './schema/support';
export * from './schema/resilience';
export * from './schema/programme';
export * from './schema/sessions';
export * from './schema/grouping';
export * from './schema/scheduling';
export * from './schema/invitations';
export * from './schema/sso';
export * from './schema/people';
export * from './schema/compensation';
export * from './schema/finance';
export * from './schema/year';
export * from './schema/announcements';
export * from './schema/research';
export * from './schema/rights';
export * from './schema/evaluation';
export * from './schema/insight';
export * from './schema/roadmap';
export * from './schema/participation';
export * from './schema/growth';
