/** A static file server over the repository (dist/, models/), plus pages and files given in memory, on a free local port. */
import {readFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.html': 'text/html',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.bin': 'application/octet-stream',
	'.jpg': 'image/jpeg',
	'.png': 'image/png',
};

export interface StaticServer {
	url: string;
	/** Every path requested, in order. */
	requested: string[];
	close(): Promise<void>;
}

export async function serveStatic(root: string, extra: Record<string, {type: string; body: Uint8Array | string}> = {}): Promise<StaticServer> {
	const requested: string[] = [];
	const server: Server = createServer(async (request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		requested.push(pathname);
		const given = extra[pathname];
		if (given) {
			response.writeHead(200, {'content-type': given.type}).end(given.body);
			return;
		}
		const file = path.join(root, pathname);
		if (!file.startsWith(root + path.sep)) {
			response.writeHead(403).end();
			return;
		}
		try {
			const body = await readFile(file);
			response.writeHead(200, {'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream'}).end(body);
		} catch {
			response.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		requested,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
