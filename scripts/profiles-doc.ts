/**
 * Writes docs/profiles.md from the shipped profiles: every requirement against every profile, in
 * the words each profile's limits give it, then each profile's sources. test/profiles-doc.test.ts
 * fails when the file is out of date.
 *
 *   npx tsx scripts/profiles-doc.ts
 */
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {type AnyCheck, requirementOf} from '../src/checks/define.js';
import {CHECK_IDS, checks} from '../src/checks/registry.js';
import {limitsOf} from '../src/pipeline/run-check.js';
import {profiles} from '../src/profiles/index.js';

/** Markdown cell text: no pipe or line break can end the cell. */
function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function profilesMarkdown(): string {
	const list = Object.values(profiles);
	const lines = [
		'# Profiles',
		'',
		'<!-- Made by scripts/profiles-doc.ts from src/profiles/: edit those, then run `npx tsx scripts/profiles-doc.ts`. -->',
		'',
		"A profile is one document's photo rules: which checks of the catalogue it runs and with which",
		'limits, how its process words each return reason, whether a crop may be suggested, and where each',
		'limit was read. `--profile <id>` and `options.profile` take one; `photo-requirements',
		'--list-profiles` and `GET /v1/profiles` list them.',
		'',
		'| profile | version | title | crop suggested |',
		'| --- | --- | --- | --- |',
		...list.map((profile) => `| \`${profile.id}\` | ${profile.version} | ${cell(profile.title)} | ${profile.suggestCrop ? 'yes' : 'no'} |`),
		'',
		'## Every requirement, by profile',
		'',
		'"—": not a requirement of that document (its check is not in the profile).',
		'',
		`| check | ${list.map((profile) => `\`${profile.id}\``).join(' | ')} |`,
		`| --- | ${list.map(() => '---').join(' | ')} |`,
		...CHECK_IDS.map((id) => {
			const check = checks[id] as AnyCheck;
			const cells = list.map((profile) => ((profile.checks as readonly string[]).includes(id) ? cell(requirementOf(check, limitsOf(check, profile))) : '—'));
			return `| \`${id}\` | ${cells.join(' | ')} |`;
		}),
		'',
		"## Return reasons, in each process's words",
		'',
		`| reason | ${list.map((profile) => `\`${profile.id}\``).join(' | ')} |`,
		`| --- | ${list.map(() => '---').join(' | ')} |`,
		...Object.keys(list[0]!.reasons).map(
			(code) => `| \`${code}\` | ${list.map((profile) => cell(profile.reasons[code as keyof typeof profile.reasons])).join(' | ')} |`,
		),
		'',
	];
	for (const profile of list) {
		lines.push(`## \`${profile.id}\`: sources`, '', 'Pages read:', '');
		for (const reference of profile.references) {
			lines.push(`- [${reference.title}](${reference.url}), read ${reference.checked}${reference.note ? `: ${reference.note}` : ''}`);
		}
		lines.push('', '| limits | source | checked |', '| --- | --- | --- |');
		for (const [group, source] of Object.entries(profile.sources)) {
			if (source) lines.push(`| \`${group}\` | ${cell(source.source)} | ${source.checked} |`);
		}
		lines.push('');
	}
	return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../docs/profiles.md');
	await writeFile(file, profilesMarkdown());
	console.log(`wrote ${file}`);
}
