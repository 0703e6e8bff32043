/** The photos the harness runs: the untouched shared photos and the generated variants, as one shape. */
import path from 'node:path';
import type {ManifestEntry} from '../fixtures/variants/manifest.js';
import type {Expectations, Landmarks, Variant} from '../fixtures/variants/types.js';
import {expectationsForPhoto} from './photo-expectations.js';

export interface EvalItem {
	file: string;
	/** Short name for tables: `london-neutral/001_03.jpg` or `london-neutral/001_03.jpg#darker`. */
	label: string;
	group: 'photo' | 'variant';
	set: string;
	/** `photo` for an untouched shared photo, else the variant kind. */
	kind: string;
	expect: Expectations;
	breaks: string[];
	landmarks?: Landmarks;
	height: number;
}

export function photoItems(photosDir: string, manifest: ManifestEntry[]): EvalItem[] {
	return manifest.map((e) => ({
		file: path.join(photosDir, e.file),
		label: e.file,
		group: 'photo' as const,
		set: e.set,
		kind: 'photo',
		expect: expectationsForPhoto(e),
		breaks: [],
		...(e.landmarks ? {landmarks: e.landmarks} : {}),
		height: e.height,
	}));
}

export function variantItems(variants: Variant[]): EvalItem[] {
	return variants.map((v) => ({
		file: v.file,
		label: `${v.source}#${v.kind}`,
		group: 'variant' as const,
		set: v.set,
		kind: v.kind,
		expect: v.expect,
		breaks: v.breaks,
		...(v.landmarks ? {landmarks: v.landmarks} : {}),
		height: v.height,
	}));
}

/** At most `limit` photos from each set, in manifest order. */
export function limitPerSet<T extends {set: string}>(list: T[], limit: number | undefined): T[] {
	if (limit === undefined) return list;
	const seen = new Map<string, number>();
	return list.filter((x) => {
		const n = seen.get(x.set) ?? 0;
		seen.set(x.set, n + 1);
		return n < limit;
	});
}
