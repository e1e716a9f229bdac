// The Pagefind UI module, imported by its file path (pagefind-lazy.ts); the package ships no types.
declare module '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs' {
  export const PagefindUI: new (options: Record<string, unknown>) => unknown;
}
