import type {RgbImage} from '../../input/image.js';
import type {MainFace} from '../face/index.js';
import type {Evidence} from '../file/editing-evidence.js';
import type {JpegStructure} from '../file/jpeg-structure.js';
import type {BackgroundFacts} from '../pixels/background.js';
import type {ReducedImage} from '../pixels/reduced.js';
import {type CutoutMeasure, measureCutout} from './cutout.js';
import {type BlockinessMeasure, type ElaMeasure, headBand, measureBlockiness, measureEla} from './ela.js';

/** What the pixels say about editing; each part is absent when it could not be measured. */
export interface PixelEvidence {
	readonly cutout?: CutoutMeasure;
	readonly ela?: ElaMeasure;
	readonly blockiness?: BlockinessMeasure;
}

export interface PixelSources {
	readonly image?: RgbImage | undefined;
	readonly reduced?: ReducedImage | undefined;
	readonly face?: MainFace | undefined;
	readonly background: Promise<BackgroundFacts | undefined>;
}

export async function measurePixelEvidence({image, reduced, face, background}: PixelSources): Promise<PixelEvidence> {
	if (!image) return {};
	const band = face ? headBand(face, image) : undefined;
	const backdrop = await background;
	const ela = band && face ? measureEla(image, face, band, backdrop) : undefined;
	return {
		...(backdrop && reduced ? {cutout: measureCutout(reduced, backdrop, image)} : {}),
		...(ela ? {ela} : {}),
		// A photo analysed at ½ or ¼ of its size has lost the file's grid: nothing to measure.
		...(band && (image.scale ?? 1) === 1 ? {blockiness: measureBlockiness(image, band)} : {}),
	};
}

/** The profile's thresholds for the pixel evidence (see the profile for their calibration). */
export interface PixelEvidenceLimits {
	readonly cutoutWhiteShare: number;
	readonly cutoutHardWeak: number;
	readonly cutoutHardStrong: number;
	readonly elaInconsistency: number;
	readonly doubleCompressionBlockiness: number;
	readonly doubleCompressionMinQuality: number;
}

/** Evidence items from the pixels: a cut-out (strong or weak), an ELA inconsistency and double compression (weak). */
export function pixelEvidence(pixels: PixelEvidence, jpeg: JpegStructure | null, limits: PixelEvidenceLimits): Evidence[] {
	const evidence: Evidence[] = [];
	const {cutout, ela, blockiness} = pixels;
	if (cutout && cutout.whiteShare >= limits.cutoutWhiteShare && cutout.hardShare >= limits.cutoutHardWeak) {
		const strong = cutout.hardShare >= limits.cutoutHardStrong;
		evidence.push({
			strength: strong ? 'strong' : 'weak',
			key: 'cutout',
			text:
				`cut-out signature: ${pct(cutout.whiteShare)} of the backdrop is pure white (noise ${cutout.backdropNoise.toFixed(2)}; from ${pct(limits.cutoutWhiteShare)} it counts) ` +
				`and ${pct(cutout.hardShare)} of ${cutout.edgeProfiles} silhouette points step to it in one pixel ` +
				`(${strong ? 'a person pasted on white' : 'a replaced or hard-masked backdrop'}; limits ${pct(limits.cutoutHardWeak)} weak, ${pct(limits.cutoutHardStrong)} strong)`,
		});
	}
	if (ela && Number.isFinite(ela.inconsistency) && ela.inconsistency >= limits.elaInconsistency) {
		evidence.push({
			strength: 'weak',
			key: 'ela',
			text: `error levels disagree: re-saved at quality 90, the face changes ${ela.face.toFixed(2)} and the silhouette edge ${ela.edge.toFixed(2)} per unit of texture (${ela.inconsistency.toFixed(1)}×, limit ${limits.elaInconsistency}×)`,
		});
	}
	const quality = jpeg?.quality?.quality;
	if (blockiness && quality !== undefined && quality >= limits.doubleCompressionMinQuality && blockiness.ratio >= limits.doubleCompressionBlockiness) {
		evidence.push({
			strength: 'weak',
			key: 'double-compression',
			text: `saved twice: quality-${quality} tables (${limits.doubleCompressionMinQuality} or more counts), yet 8 × 8 block edges ${blockiness.ratio.toFixed(2)}× the steps inside blocks (limit ${limits.doubleCompressionBlockiness}×), left by an earlier, lower-quality save`,
		});
	}
	return evidence;
}

function pct(share: number): string {
	return `${Math.round(share * 100)} %`;
}
