/** Text and byte helpers that run the same in Node and in a browser (no Buffer). */

/** ISO-8859-1: one character per byte, exactly as Node's 'latin1' (WHATWG's "latin1" label is windows-1252). */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
	let text = '';
	for (let i = start; i < end; i += 0x2000) text += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 0x2000)));
	return text;
}

/** UTF-8 or UTF-16, malformed sequences as U+FFFD (as Node's Buffer.toString). */
export function decodeText(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
	return new TextDecoder(encoding, {ignoreBOM: true}).decode(bytes);
}

/** The parts joined into one Uint8Array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
	const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
	let at = 0;
	for (const part of parts) {
		joined.set(part, at);
		at += part.byteLength;
	}
	return joined;
}
