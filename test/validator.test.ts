import {afterAll, describe, expect, test} from 'vitest';
import {createValidator, photoReportSchema, QueueFullError, ValidatorClosedError, validatePhoto} from '../src/index.js';
import {jpeg, NO_FACE_CHECKS} from './support/images.js';
import {demoPortrait} from './support/portrait.js';

const statuses = (report: {checks: Array<{id: string; status: string}>}) => report.checks.map(({id, status}) => `${id}:${status}`);

describe('createValidator', () => {
	const validator = createValidator({concurrency: 1});
	afterAll(() => validator.close());

	test('gives the same report as validatePhoto, on one pool kept between calls', async () => {
		const portrait = await demoPortrait();
		await validator.ready();
		const [pooled, again, direct] = await Promise.all([validator.validate(portrait), validator.validate(portrait), validatePhoto(portrait)]);
		photoReportSchema.parse(pooled);
		expect(statuses(pooled)).toEqual(statuses(direct));
		expect(pooled.verdict).toBe(direct.verdict);
		expect(pooled.provenance).toEqual(direct.provenance);
		expect(statuses(again)).toEqual(statuses(direct));
		expect(validator.stats()).toMatchObject({running: 0, queued: 0, completed: 2, rejected: 0, concurrency: 1});
	}, 120_000);

	test('per-call options: checks, a file name for bytes', async () => {
		const photo = await jpeg(715, 1001);
		const report = await validator.validate(photo, {checks: ['file-format', 'file-size'], name: 'photo.png'});
		expect(report.checks.map((check) => check.id)).toEqual(['file-format', 'file-size']);
		expect(report.source).toBe('photo.png');
		// A JPEG named .png: the extension check says so.
		expect(report.checks[0]!.status).not.toBe('pass');
	}, 60_000);

	test('wrong arguments throw TypeErrors that name them', async () => {
		expect(() => createValidator({maxQueue: -1})).toThrow(/createValidator\(\): options\.maxQueue must be a number at least 0; got number \(-1\)/);
		expect(() => createValidator({concurrency: 0})).toThrow(/options\.concurrency must be a number at least 1/);
		expect(() => createValidator({profile: 'nope'})).toThrow(/options\.profile must be one of "ca-pr-card"/);
		await expect(validator.validate(42 as never)).rejects.toThrow(/validate\(\): input must be a file path/);
		await expect(validator.validate(Buffer.alloc(1), {checks: ['nope' as never]})).rejects.toThrow(/validate\(\): options\.checks/);
	});
});

describe('createValidator under load', () => {
	test('a full queue refuses at once; an abort while waiting leaves the queue; the rest finish', async () => {
		const validator = createValidator({concurrency: 1, maxQueue: 1, checks: [...NO_FACE_CHECKS]});
		const photo = await jpeg(715, 1001);
		const first = validator.validate(photo);
		const controller = new AbortController();
		const second = validator.validate(photo, {signal: controller.signal});
		const started = performance.now();
		await expect(validator.validate(photo)).rejects.toBeInstanceOf(QueueFullError);
		// Refused without waiting for the photo ahead of it.
		expect(performance.now() - started).toBeLessThan(1000);
		expect(validator.stats()).toMatchObject({running: 1, queued: 1, rejected: 1});
		controller.abort();
		await expect(second).rejects.toMatchObject({name: 'AbortError'});
		expect(validator.stats().queued).toBe(0);
		expect((await first).verdict).toBe('accept');
		// The slot the aborted photo held in the queue is free again.
		expect((await validator.validate(photo)).verdict).toBe('accept');
		await validator.close();
	}, 60_000);

	test('close() lets accepted photos finish, then refuses new ones', async () => {
		const validator = createValidator({concurrency: 1, checks: [...NO_FACE_CHECKS]});
		const photo = await jpeg(715, 1001);
		const accepted = [validator.validate(photo), validator.validate(photo), validator.validate(photo)];
		const closed = validator.close();
		await expect(validator.validate(photo)).rejects.toBeInstanceOf(ValidatorClosedError);
		for (const report of await Promise.all(accepted)) expect(report.verdict).toBe('accept');
		await closed;
		expect(validator.stats()).toMatchObject({running: 0, queued: 0, completed: 3});
	}, 60_000);

	test('a photo past timeoutMs gets a report saying so, and the validator goes on', async () => {
		const validator = createValidator({concurrency: 1, timeoutMs: 1});
		const photo = await jpeg(715, 1001);
		const report = await validator.validate(photo);
		expect(report.checks[0]!.message).toMatch(/took longer than 1 ms from its start and was stopped/);
		expect(validator.stats()).toMatchObject({running: 0, completed: 1});
		await validator.close();
	}, 60_000);

	test('a signal aborted right after the call, before the photo has its worker, rejects with its reason and is not counted', async () => {
		await using validator = createValidator({workers: false, checks: [...NO_FACE_CHECKS]});
		const controller = new AbortController();
		const call = validator.validate(await jpeg(715, 1001), {signal: controller.signal});
		controller.abort(new Error('gave up'));
		await expect(call).rejects.toThrow('gave up');
		expect(validator.stats()).toMatchObject({running: 0, queued: 0, completed: 0});
	}, 60_000);

	test('in this thread (workers: false), the same statuses', async () => {
		await using validator = createValidator({workers: false, concurrency: 2, checks: [...NO_FACE_CHECKS]});
		const photo = await jpeg(715, 1001);
		const [a, b] = await Promise.all([validator.validate(photo), validator.validate(photo)]);
		expect(statuses(a)).toEqual(statuses(b));
		expect(a.verdict).toBe('accept');
	}, 60_000);
});
