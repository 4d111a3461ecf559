// index.js — activation functions (book 3.2, 3.5): stateless — a view only, every value from the core.
export { strings } from './strings.js';
export { mountView } from './view.js';
