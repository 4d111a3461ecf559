// import-url.js — import(url) for a module that must keep its own URL (the
// threads build's glue: its pthread Workers import it again by that URL).
//
// Why a file of its own: in dev, Vite wraps every `import(variable)` in a
// helper from /@vite/client, and that client opens a WebSocket to the dev
// server, which a host page's strict CSP (`connect-src`) refuses. vite.config.js
// serves this file untransformed in dev, so the import stays a plain import().
export const importUrl = (url) => import(/* @vite-ignore */ url);
