/**
 * Error codes clients may meet: the API's and the sockets' (`{ error: { code, message, messageEn } }`
 * and a handshake error's `message`), and delivery codes on staff messages. The table with the
 * Japanese and English texts is src/errors.ts; these are its keys, for type-only imports.
 */
export type { DeliveryErrorCode, ErrorCode } from '../errors';
