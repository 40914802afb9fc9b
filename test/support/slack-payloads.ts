/** The payload builders live in src/local (local mode sends them too); one copy, re-exported. */
export * from '../../src/local/slack-requests/payloads.js';
export * from '../../src/local/slack-requests/view-payloads.js';
