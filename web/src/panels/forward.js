// placeholder, replaced by the real panel
export const strings = { ko: {}, en: {} };
export function mount(root, ctx) {
  root.textContent = 'forward';
  return { destroy() {} };
}
