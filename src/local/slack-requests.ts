/**
 * Signed requests as Slack sends them (slash commands, button presses, modal submissions,
 * events). Local mode forwards the page's actions through these; the tests use them too.
 */
export * from './slack-requests/payloads.js';
export * from './slack-requests/signed.js';
export * from './slack-requests/view-payloads.js';
