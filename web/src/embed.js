// embed.js — <scratchnet-panel>: one panel inside any page, with one script tag.
//
//   <script type="module" src="https://…/embed.js"></script>
//   <scratchnet-panel panel="activation" fn="relu" lang="en"></scratchnet-panel>
//
// Attributes are the settings of web/src/state.js (validated and clamped the
// same way as URL parameters; anything wrong is listed in a visible note).
// The element never touches the host page's URL and never evaluates a string.
import katexCss from 'katex/dist/katex.min.css?inline';
import panelCss from './style.css?inline';
import { createHost } from './mount.js';
import { readState } from './state.js';
import { setLanguage } from './i18n.js';

// Constructable stylesheets: styles without <style> tags (works under a strict CSP).
function adoptStyles() {
  if (document.scratchnetStyled) return;
  document.scratchnetStyled = true;
  const sheets = [katexCss, panelCss].map((css) => {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    return s;
  });
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...sheets];
}

// Attributes the host page uses for itself (id, class, style, aria-*, data-*, …)
// are not settings; anything else that is not a setting gets a visible note.
const HTML_ATTRIBUTES = new Set(['id', 'class', 'style', 'title', 'lang', 'hidden', 'tabindex', 'role', 'slot', 'dir']);
function isHtmlAttribute(name) {
  return HTML_ATTRIBUTES.has(name) || name.startsWith('aria-') || name.startsWith('data-');
}

class ScratchnetPanel extends HTMLElement {
  #host = null;   // owns this element's run: it lives from connected to disconnected

  connectedCallback() {
    adoptStyles();
    const attrs = Object.fromEntries([...this.attributes]
      .filter((a) => !isHtmlAttribute(a.name))
      .map((a) => [a.name, a.value]));
    if (this.lang) setLanguage(this.lang, { remember: false });
    // only the attributes count, never the host page's own URL
    const { state, notes } = readState({ search: '', hash: '' }, attrs);
    this.#host = createHost({ embedded: true });
    this.#host.show(this, { state, notes });
  }

  disconnectedCallback() {
    this.#host?.dispose();
    this.#host = null;
  }
}

if (!customElements.get('scratchnet-panel')) customElements.define('scratchnet-panel', ScratchnetPanel);
