/**
 * npm run demo: serves the package (dist/browser, models) and examples/browser/index.html on
 * http://127.0.0.1:8090/ (PORT to change it). The page checks a photo in the browser; nothing is
 * uploaded. Build first (npm run build; npm ci does).
 */
import {readFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.bin': 'application/octet-stream',
};
const port = Number(process.env.PORT ?? 8090);

const server = createServer(async (request, response) => {
	const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
	if (pathname === '/') {
		response.writeHead(302, {location: '/examples/browser/'}).end();
		return;
	}
	const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
	const allowed = ['dist', 'models', 'examples'].some((folder) => file.startsWith(path.join(root, folder) + path.sep));
	try {
		if (!allowed) throw new Error('not served');
		response.writeHead(200, {'content-type': types[path.extname(file)] ?? 'application/octet-stream'}).end(await readFile(file));
	} catch {
		response.writeHead(404, {'content-type': 'text/plain'}).end('not found\n');
	}
});
server.listen(port, '127.0.0.1', () => console.log(`photo-requirements demo: http://127.0.0.1:${server.address().port}/`));
