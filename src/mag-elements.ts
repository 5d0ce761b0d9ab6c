/**
 * The all-in-one entry of the npm package (`mag-elements/mag-elements.js`): registers every element
 * (the `wordpress` and `feed` adapter types load their code on demand) and exports everything,
 * the further adapters included.
 */
import './register.js';

export * from './index.js';
