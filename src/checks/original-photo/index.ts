import {z} from 'zod';
import {namedScanners} from '../../analysis/file/scanners.js';
import type {ScreenPattern} from '../../analysis/forensics/screen-pattern.js';
import {clip, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const originalPhoto = defineCheck({
	id: 'original-photo',
	requirement: 'The photo must be an original photo, not taken from an existing photo (a print, a screen or a scan).',
	reason: 'OTHER_REQUIREMENT',
	fix: {action: 'retake', how: 'of you in person (a photo of a printed photo or of a screen, or a scan of a print, is returned)'},
	needs: ['metadata', 'jpeg', 'screenPattern'],
	figures: [{key: 'screenPeak', label: 'screen or print pattern (spectrum peak)', atMost: 'maxScreenPeak', safeFrom: 'warnScreenPeak'}],
	limits: {
		group: 'originalPhoto',
		schema: z
			.object({
				/** What a scanner or scanning app named in the file means (a profile whose document accepts scans of prints may pass them). */
				scanner: z.enum(['fail', 'warn', 'pass']),
				/** The face's strongest spectral peak over the spectrum around it: a print's dots or a screen's pixels from here (fail)… */
				maxScreenPeak: z.number().min(1),
				/** …and a faint pattern worth a look from here (warn). */
				warnScreenPeak: z.number().min(1),
			})
			.strict(),
		order: [['warnScreenPeak', 'maxScreenPeak']],
	},
	run({metadata, jpeg, screenPattern: pattern}, limits) {
		const scanners = namedScanners(metadata, jpeg);
		const measured: Record<string, string | number> = {
			screenPeak: round(pattern.peak, 1),
			screenPeriod: round(pattern.period, 2),
			screenAngle: Math.round(pattern.angle),
			spectrumTiles: pattern.tiles,
			spectrumRegion: pattern.region,
			...(scanners.length > 0 ? {scanner: scanners.map((scanner) => scanner.name).join(', ')} : {}),
		};
		for (const scanner of scanners) measured[`evidence.scanner.${scanner.where}`] = clip(scanner.value);

		const found: string[] = [];
		const doubtful: string[] = [];
		if (pattern.peak >= limits.maxScreenPeak) found.push(describePattern(pattern, limits.maxScreenPeak));
		else if (pattern.peak >= limits.warnScreenPeak) doubtful.push(describePattern(pattern, limits.warnScreenPeak));
		const scanned = scanners.map((scanner) => `scanned: the ${scanner.where} names ${scanner.name} ("${clip(scanner.value, 60)}")`);
		if (limits.scanner === 'fail') found.push(...scanned);
		else if (limits.scanner === 'warn') doubtful.push(...scanned);

		if (found.length > 0) return {status: 'fail', message: `Taken from an existing photo: ${[...found, ...doubtful].join('; ')}.`, measured};
		if (doubtful.length > 0) return {status: 'warn', message: `Possibly taken from an existing photo: ${doubtful.join('; ')}.`, measured};
		return {
			status: 'pass',
			message:
				scanned.length > 0
					? `A scan (${scanners.map((scanner) => scanner.name).join(', ')}), passed by the profile's policy; no print or screen pattern over the face.`
					: `No sign of a print, a screen or a scan: the face's strongest regular pattern is ${round(pattern.peak, 1)}× the spectrum around it (below ${limits.warnScreenPeak}×).`,
			measured,
		};
	},
});

function describePattern(pattern: ScreenPattern, limit: number): string {
	const where = pattern.region === 'face' ? 'over the face' : 'over the middle of the photo';
	return `a regular pattern of dots or lines ${where}, every ${round(pattern.period, 1)} px at ${Math.round(pattern.angle)}°, ${Math.round(pattern.peak)}× the spectrum around it (limit ${limit}×): the halftone of a print or the pixels of a screen`;
}
