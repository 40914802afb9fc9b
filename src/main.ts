/** `npm start`: reads the environment, starts the app, stops cleanly on SIGTERM/SIGINT. */
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config/index.js';

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
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
