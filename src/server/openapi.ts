import {z} from 'zod';
import {CHECK_IDS} from '../checks/registry.js';
import {limitSourceSchema, referenceSchema} from '../profiles/schema.js';
import {photoReportSchema} from '../report/schema.js';
import {LIBRARY_VERSION} from '../version.js';

/** One profile as `GET /v1/profiles` lists it. */
export const profileSummarySchema = z
	.object({
		id: z.string(),
		title: z.string(),
		version: z.string(),
		/** The pages its rules were read from, with the day each was read. */
		references: z.array(referenceSchema),
		checks: z.array(z.enum(CHECK_IDS)),
		/** Whether a report may carry `suggestedCrop` (false where the document forbids any change). */
		suggestCrop: z.boolean(),
		/** Each threshold group's source and the day it was checked. */
		sources: z.record(z.string(), limitSourceSchema),
	})
	.strict();

export const profilesResponseSchema = z.object({profiles: z.array(profileSummarySchema)}).strict();

export const healthSchema = z
	.object({
		status: z.enum(['ok', 'starting']),
		version: z.string(),
		running: z.number().int(),
		queued: z.number().int(),
		completed: z.number().int(),
		rejected: z.number().int(),
		concurrency: z.number().int(),
		maxQueue: z.number().int().nullable(),
	})
	.strict();

/** Fastify's error body, which every 4xx and 5xx answer carries. */
export const errorSchema = z
	.object({
		statusCode: z.number().int(),
		code: z.string().optional(),
		error: z.string(),
		message: z.string(),
	})
	.strict();

/** JSON Schema (2020-12, the dialect of OpenAPI 3.1) of a zod schema, as the server sends it. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
	const {$schema: _dialect, ...rest} = z.toJSONSchema(schema, {target: 'draft-2020-12', io: 'output', unrepresentable: 'any'}) as Record<string, unknown>;
	return rest;
}

const ref = (name: string) => ({$ref: `#/components/schemas/${name}`});
const errorResponse = (description: string) => ({description, content: {'application/json': {schema: ref('Error')}}});
const binary = (type: string) => ({schema: {type: 'string', contentMediaType: type}});

/** The OpenAPI 3.1 document of the HTTP service, its schemas generated from the library's zod schemas. */
export function openApiDocument(): Record<string, unknown> {
	return {
		openapi: '3.1.0',
		info: {
			title: 'photo-requirements',
			version: LIBRARY_VERSION,
			description:
				"Checks a portrait against the photo requirements of Canada's Permanent Resident card and says, in the PR Portal's words, why it would be returned.",
			license: {name: 'MIT', identifier: 'MIT'},
		},
		paths: {
			'/v1/validate': {
				post: {
					operationId: 'validatePhoto',
					summary: 'Check one photo',
					description:
						"The photo is the raw body (image/jpeg, image/png or application/octet-stream) or the `file` field of a multipart/form-data body. A photo that would be returned is a successful check: the verdict is in the report (200), including a file above 4 MB (FILE_TOO_LARGE) as long as the body is under the server's --max-body.",
					parameters: [
						{name: 'profile', in: 'query', required: false, description: 'The rules to apply (GET /v1/profiles lists them).', schema: {type: 'string'}},
						{
							name: 'checks',
							in: 'query',
							required: false,
							description: 'Run only these checks, comma-separated.',
							schema: {type: 'string'},
							example: 'file-format,file-size',
						},
						{name: 'name', in: 'query', required: false, description: "The photo's file name, for the extension check.", schema: {type: 'string'}},
					],
					requestBody: {
						required: true,
						content: {
							'image/jpeg': binary('image/jpeg'),
							'image/png': binary('image/png'),
							'application/octet-stream': binary('application/octet-stream'),
							'multipart/form-data': {
								schema: {type: 'object', properties: {file: {type: 'string', contentMediaType: 'application/octet-stream'}}, required: ['file']},
							},
						},
					},
					responses: {
						200: {description: 'The report: the verdict, the return reasons and every check.', content: {'application/json': {schema: ref('PhotoReport')}}},
						400: errorResponse('No photo in the body, a malformed multipart body, an unknown profile or check.'),
						408: errorResponse('The body did not arrive in time.'),
						413: errorResponse('The body is larger than the server accepts (--max-body).'),
						415: errorResponse('The body is of another content type.'),
						503: {
							...errorResponse('The queue is full (Retry-After says when to try again), or the server is shutting down.'),
							headers: {'Retry-After': {schema: {type: 'integer'}}},
						},
					},
				},
			},
			'/v1/profiles': {
				get: {
					operationId: 'listProfiles',
					summary: 'The profiles this server checks against, with their versions and sources',
					responses: {200: {description: 'The profiles.', content: {'application/json': {schema: ref('Profiles')}}}},
				},
			},
			'/healthz': {
				get: {
					operationId: 'health',
					summary: 'Ready once every worker has its face engine loaded',
					responses: {
						200: {description: 'Ready.', content: {'application/json': {schema: ref('Health')}}},
						503: {description: 'Still loading.', content: {'application/json': {schema: ref('Health')}}},
					},
				},
			},
			'/openapi.json': {
				get: {
					operationId: 'openApi',
					summary: 'This document',
					responses: {200: {description: 'The OpenAPI 3.1 document.', content: {'application/json': {}}}},
				},
			},
		},
		components: {
			schemas: {
				PhotoReport: jsonSchema(photoReportSchema),
				Profiles: jsonSchema(profilesResponseSchema),
				Health: jsonSchema(healthSchema),
				Error: jsonSchema(errorSchema),
				CheckId: {type: 'string', enum: [...CHECK_IDS]},
			},
		},
	};
}
