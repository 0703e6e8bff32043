import type {ImageHeader} from '../input/decode.js';
import type {RgbImage} from '../input/image.js';
import type {DecodeLimits} from '../input/limits.js';
import type {LoadedFile} from '../input/read.js';
import type {AcceptedFormat} from '../input/sniff.js';

/**
 * Where the face engine's files come from: the package's models/ folder in Node, URLs next to the
 * module in a browser. Never a CDN: the files ship with the package.
 */
export interface ModelSource {
	/** The folder or URL the files are read from, for messages and `FaceEngineInfo`. */
	readonly location: string;
	/** Fails with a message naming the file when a model file is missing or truncated. */
	verify(): Promise<void>;
	/** A model's JSON file, as text. */
	text(file: string): Promise<string>;
	/** The files (weight shards), joined into one ArrayBuffer of exactly their bytes. */
	bytes(files: readonly string[]): Promise<ArrayBuffer>;
	/** The TensorFlow.js wasm backend's files: a folder or URL prefix ending in a separator. */
	wasmPrefix(): string;
}

/**
 * What the pipeline needs from where it runs: the bytes → image → facts flow is the same in Node
 * and in a browser, only reading files, decoding pixels, encoding pictures and finding the models
 * differ. Node's implementation uses fs and sharp (libvips); the browser's, the browser's own
 * decoders and canvases.
 */
export interface Platform {
	readonly name: 'node' | 'browser';
	/** Reads a file named by its path, never more than `maxBytes`; throws InputError with a message for the report. */
	readFile(file: string | Uint8Array, maxBytes: number, name?: string): Promise<LoadedFile>;
	/** The size of a file named by its path, without reading it; throws InputError when it cannot be read. */
	fileSize(file: string | Uint8Array): Promise<number>;
	/** Dimensions and layout from the header, without decoding a pixel; throws DecodeError. */
	readHeader(bytes: Uint8Array, format: AcceptedFormat): Promise<ImageHeader>;
	/** The one decode of the whole file: 8-bit sRGB, orientation applied, alpha on white, at 1/`scale`; throws DecodeError. */
	decodeRgb(bytes: Uint8Array, header: ImageHeader, limits: Pick<DecodeLimits, 'maxPixels' | 'decodeTimeoutSeconds'>, scale: number): Promise<RgbImage>;
	/** `image` resized to `width` × `height`, as a JPEG data URL (the annotated report's thumbnail). */
	thumbnailJpeg(image: RgbImage, width: number, height: number): Promise<string>;
	/** A 0/255 mask resized (nearest) to `width` × `height`, as a greyscale PNG data URL. */
	maskPng(mask: Uint8Array, maskWidth: number, maskHeight: number, width: number, height: number): Promise<string>;
	readonly models: ModelSource;
}
