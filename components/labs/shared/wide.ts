// The instrument layout's breakout (lab.css): on a desktop, a lab widens from the text column to
// the page's right edge, over the column where Starlight keeps the table of contents, which fades
// out while a lab covers it. Runs once per page, before any lab's code loads, so a lab takes its
// final width as the page is laid out.

/** Where lab.css switches to the instrument layout (75rem). */
const WIDE = '(min-width: 75rem)';
/** Room kept between a wide lab and the page's right edge, px. */
const GUTTER = 24;

let started = false;

export function widenLabs(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  const labs = Array.from(document.querySelectorAll<HTMLElement>('.lab-instrument'));
  if (labs.length === 0) return;
  const wide = window.matchMedia(WIDE);
  const page = document.documentElement;

  const measure = (): void => {
    for (const lab of labs) {
      const column = lab.parentElement;
      if (!wide.matches || column === null) {
        lab.style.removeProperty('--lab-breakout');
        continue;
      }
      const room = page.clientWidth - column.getBoundingClientRect().right - GUTTER;
      lab.style.setProperty('--lab-breakout', `${Math.max(0, Math.floor(room))}px`);
    }
    cover();
  };

  const covering = new Set<Element>();
  const cover = (): void => {
    page.toggleAttribute('data-lab-covers-toc', wide.matches && covering.size > 0);
  };
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) covering.add(entry.target);
        else covering.delete(entry.target);
      }
      cover();
    });
    for (const lab of labs) observer.observe(lab);
  }
  measure();
  window.addEventListener('resize', measure);
  wide.addEventListener('change', measure);
}
