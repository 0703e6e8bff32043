import {type ChildProcess, spawn, spawnSync} from 'node:child_process';
import {createServer} from 'node:net';
import {Redis} from 'ioredis';

export const redisServerPath = process.env.REDIS_SERVER_PATH ?? 'redis-server';
export const hasRedis = spawnSync(redisServerPath, ['--version'], {stdio: 'ignore'}).status === 0;
export const noRedisMessage = `no ${redisServerPath} on this machine: install it with "apt-get install -y redis-server" (.ci/run does), or set REDIS_SERVER_PATH`;

export interface RedisServer {
	url: string;
	port: number;
	client: Redis;
	stop(): Promise<void>;
}

/** A free local port: one the system handed out and took back. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/** A real Redis on a free local port, in memory only, stopped by `stop()`. */
export async function startRedis(): Promise<RedisServer> {
	const port = await freePort();
	const server: ChildProcess = spawn(redisServerPath, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const url = `redis://127.0.0.1:${port}`;
	const client = new Redis(url, {lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 1});
	client.on('error', () => undefined);
	for (let tries = 0; ; tries++) {
		try {
			await client.connect();
			await client.ping();
			break;
		} catch (error) {
			if (tries > 50 || server.exitCode !== null) {
				server.kill('SIGKILL');
				throw new Error(`redis-server did not start on port ${port}: ${(error as Error).message}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	client.options.retryStrategy = () => 200;
	return {
		url,
		port,
		client,
		async stop() {
			client.disconnect();
			if (server.exitCode !== null) return;
			const exited = new Promise((resolve) => server.once('exit', resolve));
			server.kill('SIGTERM');
			await exited;
		},
	};
}
