// placeholder, replaced by the MNIST panel
export const strings = { ko: {}, en: {} };
export function mount(root) {
  root.textContent = 'MNIST';
  return { destroy() {} };
}
