// embed-page.js — the page behind <iframe src="embed.html?panel=…">: one panel,
// settings from the iframe's URL, nothing else around it. The embedding page
// may change settings later with postMessage (schema: embed-messages.js);
// every other message is ignored.
import 'katex/dist/katex.min.css';
import './style.css';
import { mountPanel } from './mount.js';
import { readState } from './state.js';
import { parseMessage, MESSAGE_VERSION } from './embed-messages.js';
import { getLanguage } from './i18n.js';

const root = document.getElementById('panel');
const embedded = window.parent !== window;
document.documentElement.lang = getLanguage();  // screen readers and fonts follow the panel's language
// Settings received by message, as URL-style strings; they win over the URL's.
let overrides = Object.create(null);
let { state, notes } = readState();
let handle = null;
let queue = Promise.resolve();  // one mount at a time, in the order messages came

function tell(type, extra = {}) {
  // Only settings go out (what the parent could read from the URL anyway), so any origin may hear them.
  if (embedded) window.parent.postMessage({ type, version: MESSAGE_VERSION, panel: state.panel, state: { ...state }, ...extra }, '*');
}

async function render() {
  handle?.destroy();
  handle = await mountPanel(root, { state, notes, embedded: true });
}

queue = queue.then(render).then(() => tell('scratchnet:ready'));

// The parent cannot see how tall the panel is (another origin), and a fixed
// height either cuts it or leaves a gap: tell it the document's height whenever
// it changes ({ type: 'scratchnet:resize', height } in CSS pixels).
// (The body is observed, not the root element: WebKit does not report the
// root's growth to a ResizeObserver.)
let lastHeight = 0;
function postHeight() {
  const body = document.body;
  const height = Math.ceil(body.getBoundingClientRect().bottom + window.scrollY + parseFloat(getComputedStyle(body).marginBottom));
  if (height === lastHeight) return;
  lastHeight = height;
  tell('scratchnet:resize', { height });
}
if (embedded) new ResizeObserver(postHeight).observe(document.body);

window.addEventListener('message', (event) => {
  if (!embedded || event.source !== window.parent) return;  // only the embedding page may talk to us
  const settings = parseMessage(event.data);
  if (settings === null) return;
  overrides = Object.assign(Object.create(null), overrides, settings);
  ({ state, notes } = readState(location, overrides));
  queue = queue.then(render).then(() => tell('scratchnet:state', { notes: notes.map((n) => ({ ...n })) }));
});
