/** jsdom has no layout: Fluent's MessageBar measures itself with ResizeObserver, which jsdom lacks. */
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
