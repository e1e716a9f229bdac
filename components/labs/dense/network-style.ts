// The network view's styles. They live in its shadow root (network.ts), so they travel with the view
// as a string: Starlight's rules are never matched against its nodes while it redraws, and its class
// names cannot clash with the page's. Colours are Starlight's theme variables, which inherit into
// the shadow root, so dark mode follows the site.
export const NETWORK_CSS = `
:host {
  display: block;
  color: var(--sl-color-text, #222);
  --net-line: var(--sl-color-gray-4, #999);
  --net-focus: var(--sl-color-accent-high, #36c);
}
.net {
  position: relative;
  width: 100%;
  margin-top: 0.25rem;
}
svg {
  position: absolute;
  inset: 0;
  width: 100%;
  height: 100%;
  overflow: visible;
}
.edge {
  fill: none;
  stroke-opacity: 0.8;
  pointer-events: none;
}
.hit {
  fill: none;
  stroke: transparent;
  stroke-width: 9px;
  pointer-events: stroke;
  outline: none;
}
.hit:hover,
.hit:focus {
  stroke: var(--net-focus);
  stroke-opacity: 0.35;
}
.hit:focus {
  stroke-opacity: 0.55;
}
.bias {
  stroke: var(--net-line);
  stroke-width: 1px;
  pointer-events: none;
}
text {
  fill: currentColor;
  font: var(--net-font, 11px) var(--sl-font, system-ui, sans-serif);
}
.heading {
  fill: var(--sl-color-gray-2, currentColor);
  font-weight: 600;
}
.node {
  position: absolute;
  box-sizing: border-box;
  border: 1px solid var(--net-line);
  outline: none;
}
.node:hover,
.node:focus {
  outline: 2px solid var(--net-focus);
  outline-offset: 1px;
}
.node:focus {
  outline-width: 3px;
}
canvas {
  display: block;
  width: 100%;
  height: 100%;
  image-rendering: pixelated;
}
.tip {
  position: absolute;
  z-index: 2;
  width: max-content;
  max-width: min(17rem, 90%);
  padding: 0.25rem 0.45rem;
  border: 1px solid var(--net-line);
  border-radius: 0.25rem;
  background: var(--sl-color-bg-nav, #fff);
  box-shadow: 0 2px 6px rgb(0 0 0 / 0.25);
  font-size: var(--sl-text-xs, 0.8rem);
  line-height: 1.35;
  font-variant-numeric: tabular-nums;
  pointer-events: none;
}
.tip[hidden] {
  display: none;
}
`;
