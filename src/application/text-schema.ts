/** The wire's text primitives, for the server's other schemas (configuration files, imports): one home, src/contract/text.ts. */
export { isoDate, text } from '../contract/text.js';
