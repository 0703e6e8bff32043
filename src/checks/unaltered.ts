import {metadataEvidence} from '../analysis/editing-evidence.js';
import {defineCheck} from './check.js';

export const unaltered = defineCheck({
	id: 'unaltered',
	requirement:
		'The photo must be original and not altered in any way (no colour, brightness, contrast or sharpness adjustment; no retouching; no changed background).',
	reason: 'OTHER_REQUIREMENT',
	needs: ['metadata', 'jpeg'],
	run({metadata, jpeg}, profile) {
		const {namedEditor, weakEvidence} = profile.unaltered;
		const evidence = metadataEvidence(metadata, jpeg);
		const strong = evidence.filter((item) => item.strength === 'strong');
		const weak = evidence.filter((item) => item.strength === 'weak');
		const measured: Record<string, string | number | boolean> = {
			strongEvidence: strong.length,
			weakEvidence: weak.length,
			...(metadata.make ? {cameraMake: metadata.make} : {}),
			...(metadata.model ? {cameraModel: metadata.model} : {}),
			...(metadata.software ? {software: metadata.software} : {}),
			...(metadata.creatorTool ? {creatorTool: metadata.creatorTool} : {}),
			...(metadata.history.length > 0 ? {historyEvents: metadata.history.length} : {}),
			...(jpeg?.quality ? {jpegQuality: jpeg.quality.quality, standardTables: jpeg.quality.standardTables} : {}),
			...(jpeg && jpeg.comments.length > 0 ? {jpegComment: jpeg.comments.join(' | ').slice(0, 200)} : {}),
		};
		for (const item of evidence) measured[`evidence.${item.key}`] = item.text;
		const limits = {namedEditor, weakEvidence};
		const list = (items: typeof evidence) => items.map((item) => item.text).join('; ');

		if (strong.length > 0) {
			// Only a named editor is softened by the policy; compositing evidence always fails.
			const status = strong.every((item) => item.namedEditor) && namedEditor === 'warn' ? 'warn' : 'fail';
			return {status, message: `Signs of editing: ${list([...strong, ...weak])}.`, measured, limits};
		}
		if (weak.length > 0 && weakEvidence === 'warn') {
			return {status: 'warn', message: `Not a camera original as far as the file shows (weak evidence of processing): ${list(weak)}.`, measured, limits};
		}
		const camera = [metadata.make, metadata.model].filter(Boolean).join(' ');
		return {
			status: 'pass',
			message: weak.length > 0 ? `Only weak signs of processing (${list(weak)}), passed by the profile's policy.` : `No sign of editing${camera ? `; taken with a ${camera}` : ''}.`,
			measured,
			limits,
		};
	},
});
