import { cliEntry } from './main.js';

await cliEntry();
