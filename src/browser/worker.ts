/**
 * The browser build's Web Worker: checks one photo per message, the face engine loaded on the first
 * and kept for the rest. Messages: `{id, bytes, options}` in, `{id, report}` or `{id, error}` out.
 */
import {type BrowserValidateOptions, checkHere} from './check.js';

interface Request {
	id: number;
	bytes: Uint8Array;
	options?: BrowserValidateOptions;
}

const scope = globalThis as unknown as {onmessage: ((event: MessageEvent<Request>) => void) | null; postMessage(message: unknown): void};

scope.onmessage = (event) => {
	const {id, bytes, options} = event.data;
	checkHere(bytes, options, 'validatePhoto()').then(
		(report) => scope.postMessage({id, report}),
		(error: unknown) => scope.postMessage({id, error: {name: (error as Error).name, message: (error as Error).message}}),
	);
};
