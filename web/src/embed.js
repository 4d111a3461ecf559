// embed.js — <scratchnet-panel>: one panel inside any page, with one script tag.
//
//   <script type="module" src="https://YOUR-HOST/scratchnet-embed.js"></script>
//   <scratchnet-panel panel="activation" fn="relu" lang="en"></scratchnet-panel>
//
// The host page is usually on another origin: everything the element loads
// (fonts, wasm, chunks, data) is resolved against this script's own URL, never
// the host page's, and the host page's own language, URL and styles are left
// alone. lang is per element (its own or its closest ancestor's, as in HTML).
// Attributes are the settings of web/src/state.js (validated and clamped the
// same way as URL parameters; anything wrong is listed in a visible note).
// The element never touches the host page's URL and never evaluates a string.
import katexCss from 'katex/dist/katex.min.css?inline';
import panelCss from './style.css?inline';
import { createHost } from './mount.js';
import { readState } from './state.js';
import { elementLanguage } from './i18n.js';

// A stylesheet's url(…) resolves against the *document* it is adopted by, i.e. the
// host page: KaTeX's fonts (url(/assets/KaTeX_….woff2)) would be requested from
// the host's origin and 404. Make every url(…) absolute against this script's URL.
export function absoluteUrls(css, base = import.meta.url) {
  return css.replace(/url\((['"]?)([^'")]+)\1\)/g, (whole, quote, url) => (
    /^(data|blob|https?):/i.test(url) || url.startsWith('#') ? whole : `url(${quote}${new URL(url, base).href}${quote})`));
}

// Constructable stylesheets: styles without <style> tags (works under a strict CSP).
function adoptStyles() {
  if (document.scratchnetStyled) return;
  document.scratchnetStyled = true;
  const sheets = [katexCss, panelCss].map((css) => {
    const s = new CSSStyleSheet();
    s.replaceSync(absoluteUrls(css));
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
    // only the attributes count, never the host page's own URL
    const { state, notes } = readState({ search: '', hash: '' }, attrs);
    // the element's own lang (or its closest ancestor's); undefined: the page's remembered choice
    this.#host = createHost({ embedded: true, lang: elementLanguage(this) ?? undefined });
    this.#host.show(this, { state, notes });
  }

  disconnectedCallback() {
    this.#host?.dispose();
    this.#host = null;
  }
}

if (!customElements.get('scratchnet-panel')) customElements.define('scratchnet-panel', ScratchnetPanel);
