// A 28×28 drawing pad for the Conv2D lab. The reader draws with a pointer (mouse, pen, finger) or
// the keyboard (arrows move, Space paints); the pad holds ink values in [0, 1] like the MNIST
// pixels, and reports after every stroke.

export interface DrawPad {
  /** Ink per pixel, [28, 28] row-major, re-centred on its centre of mass like MNIST digits. */
  pixels(): Float32Array;
  clear(): void;
  /** True once anything was drawn. */
  readonly dirty: boolean;
}

const SIDE = 28;

export function createDrawPad(canvas: HTMLCanvasElement, onStroke: () => void): DrawPad {
  canvas.width = SIDE;
  canvas.height = SIDE;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('2d canvas unavailable');
  const ink = new Float32Array(SIDE * SIDE);
  const cursor = { x: 14, y: 14 };
  let drawing = false;
  let last: { x: number; y: number } | null = null;
  let dirty = false;

  const render = (): void => {
    const image = ctx.createImageData(SIDE, SIDE);
    for (let i = 0; i < ink.length; i++) {
      const v = 255 - Math.round((ink[i] as number) * 255); // ink dark on light paper
      image.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(image, 0, 0);
    if (canvas === document.activeElement) {
      ctx.strokeStyle = '#cc79a7';
      ctx.lineWidth = 0.5;
      ctx.strokeRect(cursor.x - 1, cursor.y - 1, 2, 2);
    }
  };

  /** A soft round brush about 2.5 pixels wide, as thick as an MNIST stroke. */
  const dab = (x: number, y: number): void => {
    for (let r = Math.floor(y - 2); r <= Math.ceil(y + 2); r++) {
      for (let c = Math.floor(x - 2); c <= Math.ceil(x + 2); c++) {
        if (r < 0 || r >= SIDE || c < 0 || c >= SIDE) continue;
        const d = Math.hypot(c + 0.5 - x, r + 0.5 - y);
        const v = Math.max(0, Math.min(1, 1.6 - d / 1.1));
        ink[r * SIDE + c] = Math.max(ink[r * SIDE + c] as number, v);
      }
    }
    dirty = true;
  };

  const line = (from: { x: number; y: number }, to: { x: number; y: number }): void => {
    const steps = Math.max(1, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) * 2));
    for (let s = 0; s <= steps; s++)
      dab(from.x + ((to.x - from.x) * s) / steps, from.y + ((to.y - from.y) * s) / steps);
  };

  const position = (event: PointerEvent): { x: number; y: number } => {
    const box = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * SIDE,
      y: ((event.clientY - box.top) / box.height) * SIDE,
    };
  };

  canvas.addEventListener('pointerdown', (event) => {
    drawing = true;
    canvas.setPointerCapture(event.pointerId);
    last = position(event);
    dab(last.x, last.y);
    render();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing || last === null) return;
    const next = position(event);
    line(last, next);
    last = next;
    render();
  });
  const end = (): void => {
    if (!drawing) return;
    drawing = false;
    last = null;
    onStroke();
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('keydown', (event) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const from = { ...cursor };
      cursor.x = Math.max(1, Math.min(SIDE - 1, cursor.x + move[0]));
      cursor.y = Math.max(1, Math.min(SIDE - 1, cursor.y + move[1]));
      // Holding Shift paints while moving, so a stroke can be drawn from the keyboard.
      if (event.shiftKey) line(from, cursor);
      render();
      if (event.shiftKey) onStroke();
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      dab(cursor.x, cursor.y);
      render();
      onStroke();
    }
  });
  canvas.addEventListener('focus', render);
  canvas.addEventListener('blur', render);
  render();

  return {
    pixels: () => centred(ink),
    clear() {
      ink.fill(0);
      dirty = false;
      render();
    },
    get dirty() {
      return dirty;
    },
  };
}

/** MNIST digits sit with their centre of mass at the image centre; shift the drawing the same way. */
function centred(ink: Float32Array): Float32Array {
  let mass = 0;
  let cx = 0;
  let cy = 0;
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      const v = ink[r * SIDE + c] as number;
      mass += v;
      cx += v * c;
      cy += v * r;
    }
  }
  if (mass === 0) return ink.slice();
  const dx = Math.round(13.5 - cx / mass);
  const dy = Math.round(13.5 - cy / mass);
  const out = new Float32Array(SIDE * SIDE);
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      const sr = r - dy;
      const sc = c - dx;
      if (sr >= 0 && sr < SIDE && sc >= 0 && sc < SIDE)
        out[r * SIDE + c] = ink[sr * SIDE + sc] as number;
    }
  }
  return out;
}
