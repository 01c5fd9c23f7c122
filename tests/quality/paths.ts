import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The built plugin, as users load it (tests/global-setup.ts builds it). `TEMPORALIO_DIST` points elsewhere
 * (a private build) when several test runs share one checkout and rebuild dist/ under each other.
 */
export const DIST = process.env.TEMPORALIO_DIST ?? path.join(ROOT, 'dist/index.js');
