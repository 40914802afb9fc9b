/** Callback ids of the app's shortcuts, as slack-manifest.yml declares them. */
export const REMOVE_PERSONAL_DATA = 'remove_personal_data';
