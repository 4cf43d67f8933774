/**
 * The one contract between the server, the staff inbox and the widget: enums, view schemas (zod,
 * with inferred types), socket event maps and error codes. Front ends import from here with
 * `import type` only, so no server code reaches their bundles.
 */
export * from './enums';
export * from './triage';
export * from './conversation';
export * from './message';
export * from './alert';
export * from './staff';
export * from './socket-events';
export * from './errors';
export * from './report';
export * from './case';
export * from './case-labels';
