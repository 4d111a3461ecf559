// embed-page.js — the page behind <iframe src="embed.html?panel=…">: one panel,
// settings from the iframe's URL, nothing else around it. The embedding page
// may change settings later with postMessage (schema: embed-messages.js);
// every other message is ignored.
import 'katex/dist/katex.min.css';
import './style.css';
import { createHost } from './mount.js';
import { readState } from './state.js';
import { parseMessage, MESSAGE_VERSION } from './embed-messages.js';

const root = document.getElementById('panel');
const embedded = window.parent !== window;
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

window.addEventListener('message', (event) => {
  if (!embedded || event.source !== window.parent) return;  // only the embedding page may talk to us
  const settings = parseMessage(event.data);
  if (settings === null) return;
  overrides = Object.assign(Object.create(null), overrides, settings);
  const { state: fresh, notes } = readState(location, overrides);
  Object.assign(state, fresh);
  host.show(root, { state, notes }).then(() => tell('scratchnet:state', { notes: notes.map((n) => ({ ...n })) }));
});
