/** Write to stdout, waiting when its buffer is full (back-pressure for large batches). */
export function write(text: string): Promise<void> {
	return new Promise((resolve, reject) => {
		if (process.stdout.write(text)) resolve();
		else {
			process.stdout.once('drain', resolve);
			process.stdout.once('error', reject);
		}
	});
}
