import {z} from 'zod';
import {metadataEvidence} from '../../analysis/file/editing-evidence.js';
import {type PixelEvidence, pixelEvidence} from '../../analysis/forensics/pixel-evidence.js';
import {clip, round} from '../../format.js';
import {defineCheck} from '../define.js';

export const unaltered = defineCheck({
	id: 'unaltered',
	requirement:
		'The photo must be original and not altered in any way (no colour, brightness, contrast or sharpness adjustment; no retouching; no changed background).',
	reason: 'OTHER_REQUIREMENT',
	fix: {action: 're-export', how: 'from the original file, as the camera or the photographer produced it, without edits'},
	needs: ['metadata', 'jpeg', 'pixelEvidence'],
	figures: [
		{key: 'strongEvidence', label: 'signs of editing'},
		{key: 'weakEvidence', label: 'signs of processing'},
		{key: 'jpegQuality', label: 'JPEG quality (estimated)'},
	],
	limits: {
		group: 'unaltered',
		schema: z
			.object({
				/** What an editor named in the file means: studios that tether through Lightroom may choose 'warn'. */
				namedEditor: z.enum(['fail', 'warn']),
				/** What weak evidence alone means (no camera data, a library, an edit history without a named editor). */
				weakEvidence: z.enum(['warn', 'pass']),
				/** Cut-out signature: least share of the backdrop that is pure white (all channels ≥ 254). */
				cutoutWhiteShare: z.number().min(0).max(1),
				/** Share of silhouette points that step to that white in one pixel: weak evidence from the first, strong from the second. */
				cutoutHardWeak: z.number().min(0).max(1),
				cutoutHardStrong: z.number().min(0).max(1),
				/** ELA: the face's and the silhouette edge's error per unit of texture differ by this factor or more (weak evidence). */
				elaInconsistency: z.number().min(1),
				/** Double compression: 8 × 8 blockiness (grid steps over inside steps) at or above this… */
				doubleCompressionBlockiness: z.number().min(1),
				/** …in a file whose tables are at least this quality (weak evidence). */
				doubleCompressionMinQuality: z.number().int().min(1).max(100),
			})
			.strict(),
		order: [['cutoutHardWeak', 'cutoutHardStrong']],
	},
	run({metadata, jpeg, pixelEvidence: pixels}, limits) {
		const {namedEditor, weakEvidence} = limits;
		const evidence = [...metadataEvidence(metadata, jpeg), ...pixelEvidence(pixels, jpeg, limits)];
		const strong = evidence.filter((item) => item.strength === 'strong');
		const weak = evidence.filter((item) => item.strength === 'weak');
		const measured: Record<string, string | number | boolean> = {
			strongEvidence: strong.length,
			weakEvidence: weak.length,
			...(metadata.make ? {cameraMake: metadata.make} : {}),
			...(metadata.model ? {cameraModel: metadata.model} : {}),
			...(metadata.software ? {software: metadata.software} : {}),
			...(metadata.creatorTool ? {creatorTool: metadata.creatorTool} : {}),
			...(metadata.historyCount > 0 ? {historyEvents: metadata.historyCount} : {}),
			...(jpeg?.quality ? {jpegQuality: jpeg.quality.quality, standardTables: jpeg.quality.standardTables} : {}),
			...(jpeg && jpeg.xmpExtensionBytes > 0 ? {xmpExtensionBytes: jpeg.xmpExtensionBytes} : {}),
			...(jpeg && jpeg.comments.length > 0 ? {jpegComment: clip(jpeg.comments.join(' | ')), jpegComments: jpeg.commentCount} : {}),
			...pixelMeasures(pixels),
		};
		for (const item of evidence) measured[`evidence.${item.key}`] = item.text;
		const list = (items: typeof evidence) => items.map((item) => item.text).join('; ');

		if (strong.length > 0) {
			// Only a named editor is softened by the policy; compositing evidence always fails.
			const status = strong.every((item) => item.namedEditor) && namedEditor === 'warn' ? 'warn' : 'fail';
			return {status, message: `Signs of editing: ${list([...strong, ...weak])}.`, measured};
		}
		if (weak.length > 0 && weakEvidence === 'warn') {
			return {status: 'warn', message: `Not a camera original as far as the file shows (weak evidence of processing): ${list(weak)}.`, measured};
		}
		const camera = [metadata.make, metadata.model].filter(Boolean).join(' ');
		return {
			status: 'pass',
			message:
				weak.length > 0
					? `Only weak signs of processing (${list(weak)}), passed by the profile's policy.`
					: `No sign of editing${camera ? `; taken with a ${camera}` : ''}.`,
			measured,
		};
	},
});

/** The pixel measures, rounded, whether or not they amount to evidence (a report carries no NaN). */
function pixelMeasures({cutout, ela, blockiness}: PixelEvidence): Record<string, number> {
	const out: Record<string, number> = {};
	if (cutout) {
		Object.assign(out, {
			'cutout.whiteShare': round(cutout.whiteShare, 3),
			'cutout.backdropNoise': round(cutout.backdropNoise, 2),
			'cutout.edgeProfiles': cutout.edgeProfiles,
			'cutout.hardShare': round(cutout.hardShare, 3),
			'cutout.stepShare': round(cutout.stepShare, 3),
		});
	}
	if (ela)
		Object.assign(out, {
			'ela.face': round(ela.face, 3),
			'ela.edge': round(ela.edge, 3),
			'ela.backdrop': round(ela.backdrop, 2),
			'ela.inconsistency': round(ela.inconsistency, 2),
		});
	if (blockiness) out.blockiness = round(blockiness.ratio, 3);
	return Object.fromEntries(Object.entries(out).filter(([, value]) => Number.isFinite(value)));
}
