/**
 * `photo-requirements/server`: the HTTP service as a fastify instance, for a host that starts it itself.
 *
 * @module photo-requirements/server
 */
export {createServer, DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT_MS, type ServerOptions} from './app.js';
export {errorSchema, healthSchema, openApiDocument, profileSummarySchema, profilesResponseSchema} from './openapi.js';
