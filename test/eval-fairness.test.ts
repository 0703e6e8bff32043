import {describe, expect, test} from 'vitest';
import {ageBand, audit, auditTable, auditVerdict, groupsOf, type Person, type Scored} from '../eval/fairness.js';

/** `people` people of one group, each with `items` photos that should pass `check`, `failed` of them failed. */
function photos(
	group: Partial<Person>,
	prefix: string,
	people: number,
	items: number,
	failedPerPerson: number[],
): {results: Scored[]; map: Map<string, Person>} {
	const results: Scored[] = [];
	const map = new Map<string, Person>();
	for (let p = 0; p < people; p++) {
		const file = `set/${prefix}${p}.jpg`;
		map.set(file, {id: `${prefix}${p}`, ...group});
		for (let i = 0; i < items; i++) {
			const failed = i < (failedPerPerson[p] ?? 0);
			results.push({
				item: {label: i === 0 ? file : `${file}#kind${i}`, expect: {glare: 'not-fail', recent: 'any'}},
				checks: [
					{id: 'glare', status: failed ? 'fail' : 'pass'},
					{id: 'recent', status: 'fail'},
				],
			});
		}
	}
	return {results, map};
}

describe('the fairness audit', () => {
	test('groups: gender, ethnicity, age bands', () => {
		expect(groupsOf({id: 'a', age: 24, gender: 'female', ethnicity: 'white'})).toEqual(['gender: female', 'ethnicity: white', 'age: under 25']);
		expect(groupsOf({id: 'b', age: 35})).toEqual(['age: 35 and over']);
		expect([24, 25, 34, 35].map(ageBand)).toEqual(['under 25', '25–34', '25–34', '35 and over']);
	});

	test('flags a group of five or more people whose false-fail rate is more than 2 points above the overall rate', () => {
		const women = photos({gender: 'female'}, 'w', 5, 10, [3, 2]); // 5 of 50: 10 %
		const men = photos({gender: 'male'}, 'm', 5, 10, []); // 0 of 50
		const result = audit([...women.results, ...men.results], new Map([...women.map, ...men.map]));
		expect(result.overall.get('glare')).toEqual({count: 5, of: 100});
		expect(result.flagged).toEqual([{group: 'gender: female', check: 'glare', rate: 0.1, overall: 0.05}]);
		// 'any' is not scored: recent's fails count nowhere.
		expect(result.overall.has('recent')).toBe(false);
		expect(auditTable(result)).toContain('| gender: female | 5 | 50 | 10.0 % (5/50) **over** |');
		expect(auditVerdict(result)).toContain('gender: female on glare (10.0 % against 5.0 %)');
	});

	test('misses: what a check should have caught and let through, by group', () => {
		const results: Scored[] = [
			{item: {label: 'set/a.jpg#tinted', expect: {glasses: 'fail'}}, checks: [{id: 'glasses', status: 'pass'}]},
			{item: {label: 'set/b.jpg#tinted', expect: {glasses: 'fail'}}, checks: [{id: 'glasses', status: 'fail'}]},
			{item: {label: 'set/a.jpg', expect: {glasses: 'not-fail'}}, checks: [{id: 'glasses', status: 'pass'}]},
		];
		const people = new Map<string, Person>([
			['set/a.jpg', {id: 'a', gender: 'female'}],
			['set/b.jpg', {id: 'b', gender: 'male'}],
		]);
		const misses = audit(results, people, 'misses');
		expect(misses.overall.get('glasses')).toEqual({count: 1, of: 2});
		expect(misses.groups.find((group) => group.group === 'gender: female')?.rates.get('glasses')).toEqual({count: 1, of: 1});
		expect(auditTable(misses, 'misses')).toContain('| gender: male | 1 (too few to judge) | 1 | 0.0 % (0/1) |');
		expect(audit(results, people).overall.get('glasses')).toEqual({count: 0, of: 1});
	});

	test('a group of fewer than five people is shown but not judged; equal rates pass', () => {
		const few = photos({ethnicity: 'x'}, 'x', 2, 10, [5, 5]);
		const many = photos({ethnicity: 'y'}, 'y', 6, 10, [1]);
		const result = audit([...few.results, ...many.results], new Map([...few.map, ...many.map]));
		expect(result.flagged).toEqual([]);
		expect(auditTable(result)).toContain('| ethnicity: x | 2 (too few to judge) | 20 | 50.0 % (10/20) |');
		expect(auditVerdict(result)).toMatch(/^Every group of at least 5 people/);
	});
});
