// Importing this module registers <tidings-optin>; it is the file the one-script-tag setup loads.
import { defineTidingsOptin } from './define.js';

defineTidingsOptin();

export { TidingsOptin } from './element/tidings-optin.js';
