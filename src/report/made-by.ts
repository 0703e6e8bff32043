/**
 * How a file this library wrote says so, in the HTML's `<head>` and in the PNG's XMP, so the
 * command line can tell its own earlier output (safe to write again) from a person's file.
 */
export const MADE_BY = 'photo-requirements';

/** The HTML report's generator tag. */
export const HTML_MADE_BY_TAG = `<meta name="generator" content="${MADE_BY}">`;

/** The annotated PNG's XMP packet: CreatorTool names this library. */
export const PNG_MADE_BY_XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="${MADE_BY}"/></rdf:RDF></x:xmpmeta>`;
