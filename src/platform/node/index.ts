import {stat} from 'node:fs/promises';
import {InputError} from '../../input/read.js';
import type {Platform} from '../types.js';
import {decodeRgb, readHeader} from './decode.js';
import {readFileFromDisk} from './file.js';
import {diskModelSource} from './models.js';
import {maskPng, thumbnailJpeg} from './pictures.js';

/** Node: files from disk, pixels from sharp (libvips), models from the package's models/ folder. */
export const nodePlatform: Platform = {
	name: 'node',
	readFile: readFileFromDisk,
	async fileSize(file) {
		try {
			return (await stat(typeof file === 'string' ? file : Buffer.from(file))).size;
		} catch (error) {
			throw new InputError(`The file could not be read (${(error as Error).message})`);
		}
	},
	readHeader,
	decodeRgb,
	thumbnailJpeg,
	maskPng,
	models: diskModelSource(),
};
