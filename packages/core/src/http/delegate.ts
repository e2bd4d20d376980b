/**
 * Gives `light` every member of `standard` (Request.prototype, Response.prototype) it does not define itself, each
 * answered by the real object that `this[real]()` makes; then chains it to `standard`, so `instanceof` holds.
 */
export function delegateRest(light: object, standard: object, real: symbol): void {
  for (const name of Reflect.ownKeys(standard)) {
    if (name === 'constructor' || name === Symbol.toStringTag || Object.hasOwn(light, name)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(standard, name)!;
    const realOf = (self: object) => (self as Record<symbol, () => object>)[real]!();
    if (descriptor.get) {
      Object.defineProperty(light, name, {
        configurable: true,
        enumerable: descriptor.enumerable ?? false,
        get(this: object) {
          return Reflect.get(realOf(this), name);
        },
      });
    } else if (typeof descriptor.value === 'function') {
      Object.defineProperty(light, name, {
        configurable: true,
        writable: true,
        value(this: object, ...args: unknown[]) {
          const target = realOf(this);
          return (Reflect.get(target, name) as (...a: unknown[]) => unknown).apply(target, args);
        },
      });
    }
  }
  Object.setPrototypeOf(light, standard);
}
