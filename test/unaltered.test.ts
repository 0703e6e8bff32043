import path from 'node:path';
import sharp from 'sharp';
import {describe, expect, test} from 'vitest';
import {estimateQuality, parseJpegStructure} from '../src/analysis/file/jpeg-structure.js';
import {type CheckResult, validatePhoto} from '../src/index.js';
import {cameraExif, jpeg, xmpPacket} from './support/images.js';
import {hasPhotos, photosDir, photosSkipMessage, readManifest} from './support/photos.js';

async function unaltered(bytes: Buffer | string, options: Parameters<typeof validatePhoto>[1] = {}): Promise<CheckResult> {
	return (await validatePhoto(bytes, options)).checks.find((check) => check.id === 'unaltered')!;
}

describe('unaltered: evidence from the metadata', () => {
	test('a camera original passes', async () => {
		const result = await unaltered(await jpeg(715, 1001));
		expect(result.status).toBe('pass');
		expect(result.message).toMatch(/taken with a Canon Canon EOS R6/);
	});

	test.each([
		['EXIF Software', {IFD0: {Make: 'Canon', Software: 'Adobe Photoshop 25.1 (Windows)'}}, /EXIF Software names a photo editor: "Adobe Photoshop 25\.1/],
		['EXIF Software (retouching app)', {IFD0: {Make: 'Apple', Model: 'iPhone 15', Software: 'Facetune2'}}, /names a retouching app: "Facetune2"/],
		['EXIF Software (GIMP)', {IFD0: {Software: 'GIMP 2.10.36'}}, /"GIMP 2\.10\.36"/],
	])('%s naming an editor fails, naming it', async (_label, exif, message) => {
		const result = await unaltered(await jpeg(715, 1001, {exif}));
		expect(result.status).toBe('fail');
		expect(result.message).toMatch(message);
	});

	test('the named-editor policy can be softened to warn (studios tethering through Lightroom)', async () => {
		const bytes = await jpeg(715, 1001, {exif: {IFD0: {Make: 'Nikon', Model: 'Z 8', Software: 'Adobe Lightroom Classic 13.0'}}});
		expect((await unaltered(bytes)).status).toBe('fail');
		const result = await unaltered(bytes, {overrides: {unaltered: {namedEditor: 'warn'}}});
		expect(result.status).toBe('warn');
		expect(result.message).toMatch(/Lightroom/);
	});

	test('XMP CreatorTool and history', async () => {
		const history = `<xmpMM:History><rdf:Seq>
<rdf:li stEvt:action="created" stEvt:softwareAgent="Adobe Photoshop 25.1 (Windows)"/>
<rdf:li stEvt:action="saved" stEvt:softwareAgent="Adobe Photoshop 25.1 (Windows)"/>
<rdf:li stEvt:action="saved" stEvt:softwareAgent="Adobe Photoshop 25.1 (Windows)"/>
<rdf:li stEvt:action="saved" stEvt:softwareAgent="Adobe Photoshop 25.1 (Windows)"/>
</rdf:Seq></xmpMM:History>`;
		const bytes = await sharp(await jpeg(715, 1001, {exif: false}))
			.withExif(cameraExif()!)
			.withXmp(xmpPacket('xmp:CreatorTool="Adobe Photoshop 25.1 (Windows)"', history))
			.jpeg()
			.toBuffer();
		const result = await unaltered(bytes);
		expect(result.status).toBe('fail');
		expect(result.message).toMatch(/XMP CreatorTool names a photo editor/);
		expect(result.message).toMatch(/XMP edit history: 3 saved/);
	});

	test('documents pasted in (photoshop:DocumentAncestors) fail', async () => {
		const ancestors = '<photoshop:DocumentAncestors><rdf:Bag><rdf:li>xmp.did:1</rdf:li><rdf:li>xmp.did:2</rdf:li></rdf:Bag></photoshop:DocumentAncestors>';
		const bytes = await sharp(await jpeg(715, 1001, {exif: false}))
			.withExif(cameraExif()!)
			.withXmp(xmpPacket('', ancestors))
			.jpeg()
			.toBuffer();
		const result = await unaltered(bytes);
		expect(result.status).toBe('fail');
		expect(result.message).toMatch(/2 other document\(s\) pasted/);
	});

	test('no camera data warns, or passes when the profile ignores weak evidence', async () => {
		const bytes = await jpeg(715, 1001, {exif: false});
		const result = await unaltered(bytes);
		expect(result.status).toBe('warn');
		expect(result.message).toMatch(/no camera data/);
		expect((await unaltered(bytes, {overrides: {unaltered: {weakEvidence: 'pass'}}})).status).toBe('pass');
	});

	test('a ModifyDate well after the capture date is weak evidence', async () => {
		const bytes = await jpeg(715, 1001, {
			exif: {IFD0: {Make: 'Canon', Model: 'R6', DateTime: '2026:03:05 10:00:00'}, IFD2: {DateTimeOriginal: '2026:03:01 10:00:00'}},
		});
		const result = await unaltered(bytes);
		expect(result.status).toBe('warn');
		expect(result.message).toMatch(/modified 4 days after it was taken/);
	});
});

describe('JPEG structure', () => {
	test.each([50, 75, 90, 95, 100])('libjpeg tables at quality %i are recognised', async (quality) => {
		const bytes = await jpeg(64, 64, {quality, exif: false});
		const structure = parseJpegStructure(bytes)!;
		expect(structure.quality).toEqual({quality, standardTables: true, distance: 0});
	});

	test('non-standard tables (mozjpeg) are told apart', async () => {
		const structure = parseJpegStructure(await jpeg(64, 64, {quality: 85, mozjpeg: true, exif: false}))!;
		expect(structure.quality?.standardTables).toBe(false);
		expect(structure.quality?.quality).toBeGreaterThan(60);
	});

	test('comments, trailing bytes, and a PNG', async () => {
		const withTrailing = Buffer.concat([await jpeg(64, 64, {exif: false}), Buffer.from('EXTRA')]);
		expect(parseJpegStructure(withTrailing)?.trailingBytes).toBe(5);
		expect(parseJpegStructure(Buffer.from('not a jpeg'))).toBeUndefined();
		expect(estimateQuality([])).toBeUndefined();
	});
});

describe.skipIf(!hasPhotos)(`unaltered on the shared photos${hasPhotos ? '' : ` (skipped: ${photosSkipMessage})`}`, () => {
	const manifest = hasPhotos ? readManifest() : [];

	test('the London photos (gd-jpeg, no camera data) warn', async () => {
		for (const entry of manifest.filter((item) => item.set.startsWith('london')).slice(0, 6)) {
			const result = await unaltered(path.join(photosDir, entry.file));
			expect(result.status, entry.file).toBe('warn');
			expect(result.message).toMatch(/gd-jpeg/);
		}
	});

	test('the composites are flagged', async () => {
		for (const entry of manifest.filter((item) => item.set === 'composite')) {
			const result = await unaltered(path.join(photosDir, entry.file));
			expect(['warn', 'fail'], entry.file).toContain(result.status);
		}
	});
});
