import type {BoundaryScore} from '../fixtures/variants/boundaries.js';

/** One line per profile (fixtures/variants/boundaries.ts), then each case that missed. */
export function boundaryTable(scores: readonly BoundaryScore[]): string {
	const lines = [
		'profile          cases  exact',
		...scores.map((score) => `${score.profile.padEnd(16)} ${String(score.cases).padStart(5)}  ${String(score.exact).padStart(5)}`),
	];
	for (const score of scores) for (const miss of score.wrong) lines.push(`  ${score.profile}: ${miss}`);
	return lines.join('\n');
}
