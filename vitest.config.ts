import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Two cores: more workers only contend with sharp's own threads.
		maxWorkers: 2,
	},
});
