import {round} from '../format.js';
import {analysisScale, assertDecodableStructure, DecodeError, type ImageHeader} from '../input/decode.js';
import {sha256Hex} from '../input/digest.js';
import type {RgbImage} from '../input/image.js';
import type {DecodeLimits} from '../input/limits.js';
import {InputError, type LoadedFile, type PhotoInput, pathOf, readInput} from '../input/read.js';
import {type SniffedType, sniffType} from '../input/sniff.js';
import type {Platform} from '../platform/types.js';
import {analyseFaces, type FaceDetection, type FaceFacts, findFaces, type MainFace} from './face/index.js';
import {type JpegStructure, parseJpegStructure, withoutXmpExtension} from './file/jpeg-structure.js';
import {type PhotoMetadata, readMetadata} from './file/metadata.js';
import {measurePixelEvidence, type PixelEvidence} from './forensics/pixel-evidence.js';
import {measureScreenPattern, type ScreenPattern} from './forensics/screen-pattern.js';
import {type BackgroundFacts, measureBackground} from './pixels/background.js';
import {type FaceFeatures, measureFaceFeatures, whyNotMeasurable} from './pixels/face-features.js';
import {type FaceRegion, measureFaceRegion} from './pixels/face-region.js';
import {type FocusFacts, measureFocus} from './pixels/focus.js';
import {type GlareFacts, measureGlare} from './pixels/glare.js';
import {type LensFacts, measureLenses} from './pixels/lenses.js';
import {type ReducedImage, reduceImage} from './pixels/reduced.js';

/** Extended XMP above this is not parsed (a camera or Lightroom writes a few kilobytes, Photoshop's history some hundreds). */
const MAX_XMP_EXTENSION_BYTES = 1024 * 1024;

/** A fact that cannot be computed for this photo; checks that need it are skipped with this message. */
export class FactUnavailable extends Error {
	override name = 'FactUnavailable';
	/** The fact that could not be computed first (a fact that depends on it inherits its reason). */
	fact?: FactName;
}

/** Every fact a check can ask for, by name. Add a fact here and in `providers` below. */
export interface FactValues {
	/** Size of the file in bytes, known even when the file is too large to read. */
	size: number;
	file: LoadedFile;
	/** Lowercase hex SHA-256 of the file's bytes as read, for the report's provenance. */
	sha256: string;
	type: SniffedType;
	header: ImageHeader;
	image: RgbImage;
	/** EXIF, XMP, IPTC and PNG text: tools, camera, dates, edit history. */
	metadata: PhotoMetadata;
	/** The JPEG's markers and quantisation tables; null for a PNG. */
	jpeg: JpegStructure | null;
	/** The moment a photo's age is measured against (`options.now`). */
	now: Date;
	/** The faces found on the reduced copy, boxes in full-image pixels. */
	faceDetection: FaceDetection;
	/** Every face found, and the engine that found them. */
	faces: FaceFacts;
	/** The main face, measured; unavailable when no face was found. */
	face: MainFace;
	/** Eye, mouth and visibility measures of the main face. */
	faceFeatures: FaceFeatures;
	/** The working copy of the image measures (about 700 px on its longest side), with its luma histogram. */
	reduced: ReducedImage;
	/** The backdrop: its mask, colour, texture and shading. */
	background: BackgroundFacts;
	/** The main face's pixels, sampled at full resolution: skin colour and brightness, each half's light. */
	faceRegion: FaceRegion;
	/** Focus of the main face, at a size normalised to the face. */
	focus: FocusFacts;
	/** Clipped white spots on the face. */
	glare: GlareFacts;
	/** What a pair of glasses would cover: the skin under each lens against the cheeks, and glare in the lenses. */
	lenses: LensFacts;
	/** Cut-out, error-level and double-compression measures for the `unaltered` check; empty when the pixels are unavailable. */
	pixelEvidence: PixelEvidence;
	/** The strongest regular pattern over the face (a print's halftone, a screen's pixels); over the middle of the photo when there is no face. */
	screenPattern: ScreenPattern;
}

export type FactName = keyof FactValues;

export type FactLimits = DecodeLimits;

export interface FactContext {
	readonly input: PhotoInput;
	/** Files, decoders and models where the photo is checked (Node or a browser). */
	readonly platform: Platform;
	readonly name?: string;
	readonly limits: FactLimits;
	readonly now?: Date;
}

type Providers = {[K in FactName]: (facts: PhotoFacts) => Promise<FactValues[K]>};

const providers: Providers = {
	async size(facts) {
		const {input} = facts.context;
		const file = pathOf(input);
		if (file === undefined) return (input as Uint8Array).byteLength;
		try {
			return await facts.context.platform.fileSize(file);
		} catch {
			// The `file` fact says why the file cannot be read.
			return (await facts.get('file')).size;
		}
	},
	async file(facts) {
		const {input, name, limits, platform} = facts.context;
		try {
			return await readInput(input, limits.maxInputBytes, platform, name);
		} catch (error) {
			if (error instanceof InputError) throw new FactUnavailable(error.message);
			throw error;
		}
	},
	async sha256(facts) {
		return sha256Hex((await facts.get('file')).bytes);
	},
	async type(facts) {
		return sniffType((await facts.get('file')).bytes);
	},
	async header(facts) {
		const [file, type] = await Promise.all([facts.get('file'), facts.get('type')]);
		if (!type.format) {
			throw new FactUnavailable(`The content is ${type.description}, not a JPEG or PNG image.`);
		}
		try {
			return await facts.context.platform.readHeader(file.bytes, type.format);
		} catch (error) {
			if (error instanceof DecodeError) throw new FactUnavailable(error.message);
			throw error;
		}
	},
	async image(facts) {
		const [file, header, jpeg] = await Promise.all([facts.get('file'), facts.get('header'), facts.get('jpeg')]);
		const {limits} = facts.context;
		try {
			if (jpeg) assertDecodableStructure(jpeg, limits.maxScans);
			return await facts.context.platform.decodeRgb(file.bytes, header, limits, analysisScale(header));
		} catch (error) {
			if (error instanceof DecodeError) throw new FactUnavailable(error.message);
			throw error;
		}
	},
	async metadata(facts) {
		// Only for a JPEG or PNG: metadata parsers are not run on arbitrary bytes.
		const [file, jpeg] = await Promise.all([facts.get('file'), facts.get('jpeg')]);
		// Megabytes of extended XMP cost hundreds of megabytes to parse: the main packet is read, the overflow counted.
		const bytes = jpeg && jpeg.xmpExtensionBytes > MAX_XMP_EXTENSION_BYTES ? withoutXmpExtension(file.bytes) : file.bytes;
		return readMetadata(bytes);
	},
	async jpeg(facts) {
		const [file, header] = await Promise.all([facts.get('file'), facts.get('header')]);
		return header.format === 'jpeg' ? (parseJpegStructure(file.bytes) ?? null) : null;
	},
	async now(facts) {
		return facts.context.now ?? new Date();
	},
	async faceDetection(facts) {
		const reduced = await facts.get('reduced');
		return findFaces({data: reduced.data, width: reduced.width, height: reduced.height, channels: 3}, facts.context.platform.models, reduced.factor);
	},
	async faces(facts) {
		// Detection runs on the working copy; landmarks and expressions take a crop of the analysis image.
		const [image, detection] = await Promise.all([facts.get('image'), facts.get('faceDetection')]);
		return analyseFaces(image, facts.context.platform.models, detection);
	},
	async face(facts) {
		const {main} = await facts.get('faces');
		if (!main) throw new FactUnavailable('No face was found in the photo.');
		return main;
	},
	async faceFeatures(facts) {
		const [face, image] = await Promise.all([facts.get('face'), facts.get('image')]);
		const unmeasurable = whyNotMeasurable(face);
		if (unmeasurable) throw new FactUnavailable(unmeasurable);
		return measureFaceFeatures(face, image);
	},
	async reduced(facts) {
		return reduceImage(await facts.get('image'));
	},
	async background(facts) {
		// The face guides the segmentation when there is one; without it the backdrop is still measured.
		const [reduced, face] = await Promise.all([facts.get('reduced'), facts.peek('face')]);
		const region = face ? await facts.peek('faceRegion') : undefined;
		return measureBackground(reduced, face ? {face, ...(region ? {cheeks: region.cheeks} : {})} : undefined);
	},
	async faceRegion(facts) {
		const [face, image] = await Promise.all([facts.get('face'), facts.get('image')]);
		return measureFaceRegion(face, image);
	},
	async focus(facts) {
		const [face, image] = await Promise.all([facts.get('face'), facts.get('image')]);
		return measureFocus(face, image);
	},
	async lenses(facts) {
		const [region, face] = await Promise.all([facts.get('faceRegion'), facts.get('face')]);
		return measureLenses(region, face);
	},
	async glare(facts) {
		const [face, region] = await Promise.all([facts.get('face'), facts.get('faceRegion')]);
		return measureGlare(region, [face.leftEye, face.rightEye]);
	},
	async pixelEvidence(facts) {
		// Never unavailable: the check still has the file's own evidence when the pixels or the face are missing.
		const [image, reduced, face] = await Promise.all([facts.peek('image'), facts.peek('reduced'), facts.peek('face')]);
		return measurePixelEvidence({image, reduced, face, background: facts.peek('background')});
	},
	async screenPattern(facts) {
		const [image, face] = await Promise.all([facts.get('image'), facts.peek('face')]);
		const pattern = measureScreenPattern(image, face);
		if (!pattern) throw new FactUnavailable('The face is too small to look for the dots of a print or the pixels of a screen.');
		return pattern;
	},
};

/**
 * The facts of one photo, each computed on first use and memoised, so that a decode or a model
 * run happens once however many checks need it.
 */
export class PhotoFacts {
	readonly #memo = new Map<FactName, Promise<unknown>>();
	/** Milliseconds spent computing each fact (its own work, waiting on other facts included). */
	readonly timings: Record<string, number> = {};

	constructor(readonly context: FactContext) {}

	get<K extends FactName>(name: K): Promise<FactValues[K]> {
		let promise = this.#memo.get(name) as Promise<FactValues[K]> | undefined;
		if (!promise) {
			const started = performance.now();
			promise = providers[name](this)
				.catch((error: unknown) => {
					if (error instanceof FactUnavailable) error.fact ??= name;
					throw error;
				})
				.finally(() => {
					this.timings[name] = round(performance.now() - started);
				});
			// A rejected fact is awaited by the checks that need it; keep Node from reporting it as unhandled first.
			promise.catch(() => undefined);
			this.#memo.set(name, promise);
		}
		return promise;
	}

	/** Whether the fact was asked for (computed, or being computed). */
	has(name: FactName): boolean {
		return this.#memo.has(name);
	}

	/** The fact, or undefined when it is unavailable (never throws FactUnavailable). */
	async peek<K extends FactName>(name: K): Promise<FactValues[K] | undefined> {
		try {
			return await this.get(name);
		} catch (error) {
			if (error instanceof FactUnavailable) return undefined;
			throw error;
		}
	}
}
