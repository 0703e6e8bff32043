/** This package's version, as package.json gives it (kept in step by `npm version`; a test checks they agree). */
export const LIBRARY_VERSION = '0.1.0';
