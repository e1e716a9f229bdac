// Looking up a lab's server-rendered markup. A missing element is a bug in the .astro file, worth
// failing loudly on (the lab's loader shows the error) rather than a null dereference later.

/** The first element matching `selector` inside `root`; throws when the markup lacks it. */
export function required<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (el === null) throw new Error(`lab markup: missing ${selector}`);
  return el;
}
