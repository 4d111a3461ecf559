// embed-messages.js — the postMessage schema of the iframe page (embed.html).
//
// A page that embeds <iframe src=".../embed.html?panel=…"> may change the
// panel's settings without reloading it:
//
//   parent → panel   { type: 'scratchnet:set', settings: { lr: 0.5, hidden: 8 } }
//   panel → parent   { type: 'scratchnet:ready', version: 1, panel, state }   once mounted
//   panel → parent   { type: 'scratchnet:state', version: 1, panel, state, notes }
//                    after each 'scratchnet:set' has been applied
//   panel → parent   { type: 'scratchnet:resize', version: 1, panel, state, height }
//                    whenever the page's height (CSS px) changes: set the iframe's
//                    height to it (README, "Embedding a panel in your own page")
//
// Every message is untrusted: it may come from any script in the parent
// page, in any shape. parseMessage accepts exactly the shape above — a plain
// object with `type` and `settings` and nothing else, `settings` a plain
// object of at most MAX_SETTINGS known setting names whose values are
// strings, numbers, booleans or arrays of numbers — and returns null for
// anything else, which the page then ignores without a word. Values are
// turned into the same strings a URL would carry, so state.js validates and
// clamps them exactly like URL parameters (and lists what it changed in the
// visible note). Nothing is ever evaluated, and a key like "__proto__" or
// "constructor" is not a setting, so it cannot reach any object's prototype.
import { SETTINGS } from './state.js';

export const MESSAGE_VERSION = 1;
export const MAX_SETTINGS = 64;
export const MAX_VALUE_LENGTH = 1000;  // longer strings are not settings; the URL limit is similar

function isPlainObject(v) {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  // structured clone makes plain objects of the receiving realm (or null-prototype ones)
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

// The URL-style string for a value, or null when it is not a setting value.
function rawValue(v) {
  if (typeof v === 'string') return v.length <= MAX_VALUE_LENGTH ? v : null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.length <= 64 && v.every((x) => typeof x === 'number')) return v.join(',');
  return null;
}

/**
 * The settings of a valid 'scratchnet:set' message as { key: rawString }
 * (a null-prototype object holding only names from SETTINGS), or null for a
 * message that does not follow the schema.
 */
export function parseMessage(data) {
  if (!isPlainObject(data)) return null;
  const keys = Object.keys(data);
  if (data.type !== 'scratchnet:set' || keys.length !== 2 || !keys.includes('settings')) return null;
  if (!isPlainObject(data.settings)) return null;
  const names = Object.keys(data.settings);
  if (names.length > MAX_SETTINGS) return null;
  const settings = Object.create(null);
  for (const name of names) {
    if (!Object.hasOwn(SETTINGS, name)) continue;  // unknown names are ignored, as in a URL
    const raw = rawValue(data.settings[name]);
    if (raw !== null) settings[name] = raw;
  }
  return settings;
}
