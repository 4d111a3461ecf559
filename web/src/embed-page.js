// embed-page.js — the page behind <iframe src="embed.html?panel=…">: one panel,
// settings from the iframe's URL, nothing else around it.
import 'katex/dist/katex.min.css';
import './style.css';
import { mountPanel } from './mount.js';
import { readState } from './state.js';

const { state, notes } = readState();
mountPanel(document.getElementById('panel'), { state, notes, embedded: true });
