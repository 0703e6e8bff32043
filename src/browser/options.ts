import {z} from 'zod';
import {invalidArgument} from '../arguments.js';
import {validateOptionsSchema} from '../options.js';

export const browserOptionsSchema = validateOptionsSchema
	.extend({
		/** Where the package's models/ folder is served (default: `../../models/` from the module). */
		modelsUrl: z.union([z.string().min(1), z.instanceof(URL)]).optional(),
		/** Where the TensorFlow.js wasm files are served (default: beside the module). */
		wasmUrl: z.union([z.string().min(1), z.instanceof(URL)]).optional(),
		/** Check in a Web Worker (default), so the page stays responsive; false checks in this context. */
		worker: z.boolean().optional(),
	})
	.strict();

export type BrowserValidateOptions = z.input<typeof browserOptionsSchema>;

/** What the browser build accepts: a File or Blob (from an `<input type=file>`), an ArrayBuffer or a typed array. */
export type BrowserPhotoInput = Blob | ArrayBuffer | ArrayBufferView;

/** The bytes of an input, and the file name of a File. */
export async function bytesOf(input: unknown, caller: string): Promise<{bytes: Uint8Array; name?: string}> {
	if (typeof Blob !== 'undefined' && input instanceof Blob) {
		const name = typeof File !== 'undefined' && input instanceof File && input.name ? input.name : undefined;
		return {bytes: new Uint8Array(await input.arrayBuffer()), ...(name ? {name} : {})};
	}
	if (input instanceof ArrayBuffer) return {bytes: new Uint8Array(input)};
	if (ArrayBuffer.isView(input)) return {bytes: new Uint8Array(input.buffer, input.byteOffset, input.byteLength)};
	throw invalidArgument(caller, 'input', 'a File, a Blob, an ArrayBuffer or a Uint8Array', input);
}
