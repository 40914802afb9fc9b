/** Signed requests live in src/local (local mode sends them too); one copy, re-exported. */
export * from '../../src/local/slack-requests/signed.js';
