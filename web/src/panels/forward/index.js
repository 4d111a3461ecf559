// index.js — the forward pass (book 3.4): stateless — a view only, every value from the core.
export { strings } from './strings.js';
export { mountView } from './view.js';
