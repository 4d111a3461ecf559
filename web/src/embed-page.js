// embed-page.js — the page behind <iframe src="embed.html?panel=…">: one panel,
// settings from the iframe's URL, nothing else around it. The embedding page
// may change settings later with postMessage (schema: embed-messages.js);
// every other message is ignored.
import 'katex/dist/katex.min.css';
import './style.css';
import { createHost } from './mount.js';
import { readState } from './state.js';
import { parseMessage, MESSAGE_VERSION } from './embed-messages.js';
import { getLanguage } from './i18n.js';

const root = document.getElementById('panel');
const embedded = window.parent !== window;
document.documentElement.lang = getLanguage();  // screen readers and fonts follow the panel's language
// Settings received by message, as URL-style strings; they win over the URL's.
let overrides = Object.create(null);
const { state, notes: firstNotes } = readState();   // one object, updated in place
// The host queues mounts (one at a time, in the order messages came) and keeps
// the panel's run when a message changes a setting that does not need a new one.
const host = createHost({ embedded: true });

function tell(type, extra = {}) {
  // Only settings go out (what the parent could read from the URL anyway), so any origin may hear them.
  if (embedded) window.parent.postMessage({ type, version: MESSAGE_VERSION, panel: state.panel, state: { ...state }, ...extra }, '*');
}

host.show(root, { state, notes: firstNotes }).then(() => tell('scratchnet:ready'));

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
  const { state: fresh, notes } = readState(location, overrides);
  Object.assign(state, fresh);
  host.show(root, { state, notes }).then(() => tell('scratchnet:state', { notes: notes.map((n) => ({ ...n })) }));
});
