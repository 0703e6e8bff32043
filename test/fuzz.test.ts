import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import {seededRandom as random} from '../fixtures/variants/random.js';
import {caPrCard, photoReportSchema, validatePhoto} from '../src/index.js';
import {demoPortrait} from './support/portrait.js';

const MUTATIONS = 500;
const HANG_MS = 15_000;

/** Offsets of length fields: JPEG segment lengths (after FF xx) and PNG chunk lengths. */
function lengthFields(bytes: Buffer): number[] {
	const offsets: number[] = [];
	if (bytes[0] === 0xff) {
		for (let offset = 2; offset + 4 < bytes.length; ) {
			if (bytes[offset] !== 0xff) break;
			offsets.push(offset + 2);
			if (bytes[offset + 1] === 0xda) break;
			offset += 2 + bytes.readUInt16BE(offset + 2);
		}
	} else {
		for (let offset = 8; offset + 8 < bytes.length; offset += 12 + bytes.readUInt32BE(offset)) offsets.push(offset);
	}
	return offsets;
}

function mutate(original: Buffer, next: () => number): {bytes: Buffer; how: string} {
	const bytes = Buffer.from(original);
	const at = (limit: number) => Math.floor(next() * limit);
	switch (at(4)) {
		case 0: {
			const count = 1 + at(20);
			for (let index = 0; index < count; index++) {
				const position = 2 + at(bytes.length - 2);
				bytes[position] = bytes[position]! ^ (1 << at(8));
			}
			return {bytes, how: `${count} flipped bits`};
		}
		case 1: {
			const start = 2 + at(bytes.length - 2);
			const end = Math.min(bytes.length, start + 1 + at(4096));
			return {bytes: Buffer.concat([bytes.subarray(0, start), bytes.subarray(end)]), how: `bytes ${start}–${end} cut out`};
		}
		case 2: {
			const fields = lengthFields(bytes);
			const field = fields[at(fields.length)] ?? 4;
			if (bytes[0] === 0xff) bytes.writeUInt16BE(at(65_536), field);
			else bytes.writeUInt32BE(at(2 ** 32), field);
			return {bytes, how: `bogus length at ${field}`};
		}
		default:
			return {bytes: bytes.subarray(0, 2 + at(bytes.length - 2)), how: 'truncated'};
	}
}

describe('fuzz: 500 mutated JPEGs and PNGs never throw and never hang', async () => {
	const jpeg = await demoPortrait(400);
	const png = await sharp(jpeg).png().toBuffer();

	test(`${MUTATIONS} mutations`, async () => {
		const next = random(20_261_122);
		const statuses: Record<string, number> = {};
		for (let index = 0; index < MUTATIONS; index++) {
			const {bytes, how} = mutate(index % 2 ? png : jpeg, next);
			let timer: NodeJS.Timeout | undefined;
			const hang = new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error(`mutation ${index} (${how}) still running after ${HANG_MS} ms`)), HANG_MS);
			});
			try {
				const report = await Promise.race([validatePhoto(bytes), hang]);
				photoReportSchema.parse(report);
				expect(report.checks).toHaveLength(caPrCard.checks.length);
				const status = report.checks[0]!.status;
				statuses[status] = (statuses[status] ?? 0) + 1;
			} catch (error) {
				throw new Error(`mutation ${index} (${how}): ${(error as Error).message}`);
			} finally {
				clearTimeout(timer);
			}
		}
		// Both outcomes occur: the mutations reach past the parsers into decoded pixels, too.
		expect(statuses.fail).toBeGreaterThan(0);
		expect((statuses.pass ?? 0) + (statuses.warn ?? 0)).toBeGreaterThan(0);
	}, 600_000);
});
