/** `npm start`: reads the environment, starts the app, stops cleanly on SIGTERM/SIGINT. */
import { existsSync } from 'node:fs';
import { startApp } from './app.js';
import { StartupError } from './chat/slack/identify-bot.js';
import { ConfigError, loadConfig } from './config/index.js';

// A local .env is read when present; variables already set in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const config = loadConfig();
  const app = await startApp(config);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof StartupError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
