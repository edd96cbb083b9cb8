import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** `npm run shots`: the screenshot journeys (e2e/*.shots.ts), kept out of `npm test`. */
export default defineConfig({
  ...base,
  testMatch: '**/*.shots.ts',
  timeout: 180_000,
});
