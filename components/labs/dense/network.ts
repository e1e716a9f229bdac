// The Dense lab's network view, as TF Playground draws it: neurons in columns, each hidden and
// output neuron a thumbnail of its own output over the input plane, edges coloured by the sign of
// their weight and as thick as its magnitude, the bias as a small square at the neuron's corner.
// setModel builds the figure for a set of layer sizes; update() only writes pixels and attributes
// (one forward pass over the thumbnail grid into reused buffers), so it can run on every frame.
import type { Activation, WeightSnapshot } from '../../../src/core/page';
import { t } from '../../../src/i18n';
import { gridPoints, type Range } from '../../../src/viz/grid';
import { forwardLayers, type DenseLayerWeights } from './forward';
import { bindNetworkFocus, markItem, type FocusController } from './network-focus';
import {
  columnSizes,
  edgeGeometry,
  networkLayout,
  networkShape,
  type NetworkItem,
  type NetworkLayout,
  type NetworkShape,
} from './network-layout';
import { pageTheme, type Theme } from '../../../src/viz/options';
import { edgeWidth, networkPalette, type NetworkPalette } from './network-paint';
import { NETWORK_CSS } from './network-style';
import * as text from './network-text';

export interface NetworkViewOptions {
  /** Unique per page: the tooltip's and the description's ids derive from it. */
  id: string;
  /** The input plane the thumbnails sample, e.g. the decision boundary's extent. */
  extent: { x: Range; y: Range };
  /** Samples per side of a thumbnail (default 20). */
  samples?: number;
  /** Where the reading guide goes (default: after the figure, in the same container). */
  describeIn?: HTMLElement | null;
}

export interface NetworkView {
  /** `[data-network]`, a weight view (`data-weights="network"`, `data-version`). */
  readonly element: HTMLElement;
  /** Builds the figure for the layer sizes of `weights`' kernels; the same sizes keep it. */
  setModel(weights: readonly WeightSnapshot[]): void;
  /** Redraws thumbnails, edges, biases and an open tooltip for new weights of the same model. */
  update(weights: readonly WeightSnapshot[], activations: readonly Activation[]): void;
  /** Redraws so far. */
  readonly version: number;
  dispose(): void;
}

/** What one setModel builds; update() writes into it. */
interface Figure {
  shape: NetworkShape;
  sizes: number[];
  layout: NetworkLayout;
  /** Kernel and bias of each layer, repointed at every snapshot's arrays. */
  layers: DenseLayerWeights[];
  layerIndex: Map<string, number>;
  /** Every layer's outputs over the grid, [n, units] each, reused across updates. */
  outputs: Float32Array[];
  /** Per node column: each thumbnail's 2-D context (inputs first). */
  thumbs: CanvasRenderingContext2D[][];
  nodes: HTMLElement[][];
  /** Per layer: edge paths, their hit paths, and the signed widths drawn last (NaN: none yet). */
  edges: { paths: SVGPathElement[]; hits: SVGPathElement[]; drawn: Float32Array }[];
  /** Per layer: bias squares and the colour entries drawn last (-1: none yet). */
  biases: { rects: SVGRectElement[]; drawn: Int16Array }[];
  image: ImageData | null;
  edgePlace(layer: number, from: number, to: number): text.EdgePlace;
  focus: FocusController;
  drawn: boolean;
  /** The page theme its pixels and colours were drawn for. */
  theme: Theme;
}

/** A theme switch: the input thumbnails repaint, every edge and bias colour is written again. */
function repaintFor(f: Figure, pal: NetworkPalette, grid: Float32Array, n: number): void {
  f.theme = pal.theme;
  for (const e of f.edges) e.drawn.fill(NaN);
  for (const b of f.biases) b.drawn.fill(-1);
  for (let i = 0; f.image && i < (f.thumbs[0]?.length ?? 0); i++) {
    pal.paintSigned(f.image.data, grid, n, 2, i);
    f.thumbs[0]?.[i]?.putImageData(f.image, 0, 0);
  }
}

const SVG = 'http://www.w3.org/2000/svg';
let sheet: CSSStyleSheet | null = null;

function svg<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  return el;
}

export function createNetworkView(
  container: HTMLElement,
  options: NetworkViewOptions,
): NetworkView {
  const samples = options.samples ?? 20;
  const n = samples * samples;
  const { extent } = options;
  // Row 0 at the top of the plane, as a canvas draws it: the y range runs from high to low.
  const grid = gridPoints(samples, extent.x, [extent.y[1], extent.y[0]]); // [n, 2]
  const tipId = `${options.id}-tip`;
  const descId = `${options.id}-desc`;

  const host = document.createElement('div');
  host.dataset['network'] = '';
  host.dataset['weights'] = 'network';
  host.dataset['version'] = '0';
  host.setAttribute('role', 'group');
  host.setAttribute('aria-label', t('lab.dense.network.label'));
  host.setAttribute('aria-describedby', descId);
  const description = document.createElement('p');
  description.className = 'lab-hint';
  description.id = descId;
  container.append(host);
  (options.describeIn ?? container).append(description);
  // A shadow root keeps Starlight's stylesheets from being matched against the figure per redraw.
  const shadow = host.attachShadow({ mode: 'open' });
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(NETWORK_CSS);
  shadow.adoptedStyleSheets = [sheet];

  let version = 0;
  let figure: Figure | null = null;

  const build = (weights: readonly WeightSnapshot[]): Figure => {
    const shape = networkShape(weights);
    const sizes = columnSizes(shape);
    const layout = networkLayout(sizes);
    const { width: W, height: H, nodeSize: s, biasSize: b } = layout;
    const last = sizes.length - 1;
    const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(3)}%`;
    const layerName = (k: number) => shape.layers[k - 1]?.name ?? '';
    const edgePlace = (l: number, from: number, to: number): text.EdgePlace => ({
      layer: shape.layers[l]?.name ?? '',
      previous: l === 0 ? null : (shape.layers[l - 1]?.name ?? ''),
      from,
      to,
    });

    const wrap = document.createElement('div');
    wrap.className = 'net';
    wrap.style.aspectRatio = `${W} / ${H}`;
    wrap.style.setProperty('--net-font', `${layout.fontSize}px`);
    // Its natural width, shrunk (never grown) to fit a narrow column.
    host.style.width = `${W}px`;
    host.style.maxWidth = '100%';
    const figureSvg = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'none' });
    const edgeGroup = svg('g', {});
    const hitGroup = svg('g', {});
    const marks = svg('g', { 'aria-hidden': 'true' });
    figureSvg.append(edgeGroup, hitGroup, marks);
    const label = (x: number, y: number, value: string, anchor: string, cls = 'label'): void => {
      const el = svg('text', { x, y, 'text-anchor': anchor, class: cls });
      el.textContent = value;
      marks.append(el);
    };

    const edges = shape.layers.map((layer, l) => {
      const paths: SVGPathElement[] = [];
      const hits: SVGPathElement[] = [];
      for (let i = 0; i < (sizes[l] as number); i++) {
        for (let u = 0; u < layer.units; u++) {
          const { d } = edgeGeometry(layout, l, i, u);
          const hit = svg('path', { class: 'hit', d, 'data-edge': `${l}:${i}:${u}` });
          markItem(
            hit,
            { column: 2 * l + 1, row: i * layer.units + u },
            text.weightLabel(edgePlace(l, i, u)),
          );
          paths.push(svg('path', { class: 'edge', d }));
          hits.push(hit);
        }
      }
      edgeGroup.append(...paths);
      hitGroup.append(...hits);
      return { paths, hits, drawn: new Float32Array(paths.length).fill(NaN) };
    });

    const biases = shape.layers.map((_, l) => {
      const rects = (layout.columns[l + 1]?.nodes ?? []).map((p) =>
        svg('rect', { class: 'bias', x: p.x - b - 2, y: p.y + s - b + 2, width: b, height: b }),
      );
      marks.append(...rects);
      return { rects, drawn: new Int16Array(rects.length).fill(-1) };
    });

    layout.columns.forEach((column, k) => {
      if (k === 0) label(2, layout.headingY, t('lab.dense.network.inputs'), 'start', 'heading');
      else label(column.x + s / 2, layout.headingY, layerName(k), 'middle', 'heading');
    });
    layout.columns[0]?.nodes.forEach((p, i) =>
      label(p.x - 4, p.y + s / 2 + 4, text.inputName(i), 'end'),
    );
    layout.columns[last]?.nodes.forEach((p, c) =>
      label(p.x + s + 4, p.y + s / 2 + 4, t('lab.dense.class', { index: String(c) }), 'start'),
    );

    const thumbs: CanvasRenderingContext2D[][] = [];
    const nodes = layout.columns.map((column, k) => {
      thumbs[k] = [];
      return column.nodes.map((p, j) => {
        const el = document.createElement('div');
        el.className = 'node';
        el.setAttribute('data-node', `${k}:${j}`);
        el.setAttribute('data-layer', String(k));
        Object.assign(el.style, {
          left: pct(p.x, W),
          top: pct(p.y, H),
          width: pct(s, W),
          height: pct(s, H),
        });
        const name = k === 0 ? text.inputLabel(j) : text.neuronLabel(layerName(k), j, k === last);
        markItem(el, { column: 2 * k, row: j }, name);
        const canvas = document.createElement('canvas');
        canvas.width = samples;
        canvas.height = samples;
        el.append(canvas);
        wrap.append(el);
        thumbs[k]?.push(canvas.getContext('2d') as CanvasRenderingContext2D);
        return el;
      });
    });

    const tip = document.createElement('div');
    tip.className = 'tip';
    tip.id = tipId;
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    wrap.prepend(figureSvg);
    wrap.append(tip);
    shadow.replaceChildren(wrap);

    const layers: DenseLayerWeights[] = shape.layers.map((l, i) => ({
      kernel: new Float32Array((sizes[i] as number) * l.units),
      bias: new Float32Array(l.units),
      inputs: sizes[i] as number,
      units: l.units,
      activation: 'linear',
    }));
    const built: Figure = {
      shape,
      sizes,
      layout,
      layers,
      layerIndex: new Map(shape.layers.map((l, i) => [l.name, i])),
      outputs: [],
      thumbs,
      nodes,
      edges,
      biases,
      image: thumbs[0]?.[0]?.createImageData(samples, samples) ?? null,
      drawn: false,
      theme: pageTheme(document),
      edgePlace,
      focus: bindNetworkFocus(wrap, tip, {
        layout,
        sizes,
        element: (item) =>
          item.column % 2 === 0
            ? nodes[item.column / 2]?.[item.row]
            : edges[(item.column - 1) / 2]?.hits[item.row],
        describe: (item) => (built.drawn ? describe(built, item) : null),
      }),
    };
    built.image?.data.fill(255); // opaque; painting writes only the colour channels
    // An input's thumbnail is its own coordinate, on the hidden units' colour scale.
    for (let i = 0; i < shape.inputs; i++) {
      if (!built.image) break;
      networkPalette(built.theme).paintSigned(built.image.data, grid, n, 2, i);
      thumbs[0]?.[i]?.putImageData(built.image, 0, 0);
    }
    return built;
  };

  /** The tooltip of an item, from the values drawn last. */
  const describe = (f: Figure, item: NetworkItem): string => {
    const k = Math.floor(item.column / 2);
    if (item.column % 2 === 1) {
      const units = f.sizes[k + 1] as number;
      const edge = f.edgePlace(k, Math.floor(item.row / units), item.row % units);
      return text.weightTip(edge, f.layers[k]?.kernel[item.row] ?? NaN);
    }
    if (k === 0) {
      const range = item.row === 0 ? extent.x : extent.y;
      return text.inputTip(item.row, range[0], range[1]);
    }
    const out = f.outputs[k - 1];
    const units = f.sizes[k] as number;
    let min = Infinity;
    let max = -Infinity;
    for (let p = 0; out !== undefined && p < n; p++) {
      const v = out[p * units + item.row] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const bias = f.layers[k - 1]?.bias[item.row] ?? NaN;
    const isOutput = k === f.sizes.length - 1;
    return text.neuronTip(f.shape.layers[k - 1]?.name ?? '', item.row, isOutput, {
      bias,
      min,
      max,
    });
  };

  const draw = (f: Figure): void => {
    const pal: NetworkPalette = networkPalette(pageTheme(document));
    if (pal.theme !== f.theme) repaintFor(f, pal, grid, n);
    const { paintProbability, paintSigned, valueEntry, entryFill } = pal;
    forwardLayers(f.layers, grid, n, f.outputs);
    const last = f.layers.length - 1;
    for (let l = 0; l < f.layers.length; l++) {
      const layer = f.layers[l] as DenseLayerWeights;
      const out = f.outputs[l] as Float32Array;
      for (let u = 0; f.image && u < layer.units; u++) {
        if (l === last) paintProbability(f.image.data, out, n, layer.units, u);
        else paintSigned(f.image.data, out, n, layer.units, u);
        f.thumbs[l + 1]?.[u]?.putImageData(f.image, 0, 0);
      }
      // Edges and biases: attributes are written only when what they show has changed.
      const edge = f.edges[l];
      for (let r = 0; edge && r < edge.paths.length; r++) {
        const w = layer.kernel[r] as number;
        const width = edgeWidth(w, f.layout.edgeScale);
        const signed = w < 0 ? -width : width;
        const before = edge.drawn[r] as number;
        if (signed === before) continue;
        const path = edge.paths[r] as SVGPathElement;
        // Math.sign(NaN) differs from every sign: the first draw sets the colour too.
        if (Math.sign(signed) !== Math.sign(before))
          path.setAttribute('stroke', signed < 0 ? pal.edges.negative : pal.edges.positive);
        path.setAttribute('stroke-width', String(Math.abs(signed)));
        edge.drawn[r] = signed;
      }
      const bias = f.biases[l];
      for (let u = 0; bias && u < bias.rects.length; u++) {
        const entry = valueEntry(layer.bias[u] as number);
        if (entry === bias.drawn[u]) continue;
        bias.rects[u]?.setAttribute('fill', entryFill(entry));
        bias.drawn[u] = entry;
      }
    }
    f.drawn = true;
    f.focus.refresh();
  };

  return {
    element: host,
    setModel(weights) {
      // Same layers (Reiniciar, a new data set): keep the figure, and a reader's focus in it.
      const shape = networkShape(weights);
      if (figure !== null && JSON.stringify(figure.shape) === JSON.stringify(shape)) return;
      figure = build(weights);
      description.textContent = [
        text.networkSummary(figure.shape),
        t('lab.dense.network.legend'),
        t('lab.dense.network.keys'),
      ].join(' ');
    },
    update(weights, activations) {
      const f = figure;
      if (f === null) return;
      // Repoint each layer at the snapshot's arrays; a snapshot of another model is ignored.
      for (const w of weights) {
        const layer = f.layers[f.layerIndex.get(w.layer) ?? -1];
        if (layer === undefined) continue;
        if (w.kind === 'kernel' && w.values.length === layer.inputs * layer.units)
          layer.kernel = w.values;
        else if (w.kind === 'bias' && w.values.length === layer.units) layer.bias = w.values;
      }
      for (let l = 0; l < f.layers.length; l++)
        (f.layers[l] as DenseLayerWeights).activation = activations[l] ?? 'linear';
      draw(f);
      version += 1;
      host.dataset['version'] = String(version);
    },
    get version() {
      return version;
    },
    dispose() {
      figure = null;
      host.remove();
      description.remove();
    },
  };
}
