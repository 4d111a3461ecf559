// assets.js — data and models are static files next to the site; an embedding page on
// another origin still finds them next to this script.
export const ASSET_BASE = new URL(import.meta.env.BASE_URL, import.meta.url);
