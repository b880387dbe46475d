/**
 * The concentric picture: the coachee in the centre, the individual, relational and contextual
 * rings around, inside the institution on the left and outside on the right. Resources are
 * tokens: drag them with mouse or finger, or focus one and use the arrow keys (up/down: inwards/
 * outwards, left/right: inside/outside). Numbers match the list view.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVELS, PLACES, type Level, type Place, type SupportResource } from '../../../domain/resilience/model';
import { groupResources, levelAt, otherPlace, stepLevel } from '../../../domain/resilience/operations';

const ME = 36;
const EDGES = [92, 148, 200] as const;
const MID: Record<Level, number> = { individual: 64, relational: 120, contextual: 174 };
/**
 * The arc (angle from the top, in half-turns) each ring spreads its tokens over. The rings use
 * different arcs so that tokens of neighbouring rings do not line up and their labels stay apart.
 */
const ARC: Record<Level, [number, number]> = { individual: [0.12, 0.62], relational: [0.3, 0.92], contextual: [0.1, 0.7] };

/**
 * A label on the picture in lines of at most `width` characters, broken between words (a word
 * longer than a line is broken inside). Never cut off: the picture shows up to three lines and a
 * longer name ends in "…" there, while its full text shows under the picture when the token has
 * focus or the pointer, and in the numbered key.
 */
export function wrapLabel(label: string, width = 16, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > width) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, width));
      line = '';
      rest = rest.slice(width);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
  return kept;
}

/** Half the picture's width, less a margin: a label's text stays within ±LABEL_BOUND. */
const LABEL_BOUND = 212;
/** A generous average width of one character of a label (11 px, the widest common sans: DejaVu). */
const LABEL_CHAR_WIDTH = 6.8;

/**
 * How far the label under a token at `x` moves sideways so that none of it falls outside the
 * picture (#20 item 5: labels never clip): a token near the outer ring's left or right edge has its
 * label set inwards. Its width is estimated from its longest line.
 */
export function labelShift(x: number, lines: readonly string[]): number {
  const half = (Math.max(0, ...lines.map((line) => line.length)) * LABEL_CHAR_WIDTH) / 2;
  if (x - half < -LABEL_BOUND) return -LABEL_BOUND - (x - half);
  if (x + half > LABEL_BOUND) return LABEL_BOUND - (x + half);
  return 0;
}

export type Placed = { resource: SupportResource; number: number; x: number; y: number };

/** Where each token goes: spread over its half of its ring, in map order. */
export function placeResources(resources: readonly SupportResource[]): Placed[] {
  const groups = groupResources(resources);
  const numbers = numberResources(resources);
  const placed: Placed[] = [];
  for (const level of LEVELS) {
    for (const place of PLACES) {
      const items = groups[level][place];
      items.forEach((resource, i) => {
        const [from, to] = ARC[level];
        const angle = Math.PI * (from + ((to - from) * (i + 0.5)) / items.length);
        const side = place === 'inside' ? -1 : 1;
        placed.push({ resource, number: numbers.get(resource.id) ?? 0, x: side * Math.sin(angle) * MID[level], y: -Math.cos(angle) * MID[level] });
      });
    }
  }
  return placed;
}

/** Numbers in reading order: by level, then inside before outside, then map order. */
export function numberResources(resources: readonly SupportResource[]): Map<string, number> {
  const groups = groupResources(resources);
  const numbers = new Map<string, number>();
  for (const level of LEVELS) for (const place of PLACES) for (const r of groups[level][place]) numbers.set(r.id, numbers.size + 1);
  return numbers;
}

type Props = {
  resources: readonly SupportResource[];
  selectedId?: string | null;
  editable?: boolean;
  onSelect?: (id: string) => void;
  onMove?: (id: string, to: { level: Level; place: Place }) => void;
  /** A title for the picture (side-by-side comparisons). */
  caption?: string;
  highlightIds?: ReadonlySet<string>;
};

export function MapPicture({ resources, selectedId = null, editable = false, onSelect, onMove, caption, highlightIds }: Props) {
  const { t } = useTranslation();
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const shownResource = resources.find((r) => r.id === (shown ?? selectedId)) ?? null;

  const toSvg = (event: PointerEvent) => {
    const matrix = svg.current?.getScreenCTM();
    if (!svg.current || !matrix) return null;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  };
  const drop = (id: string, x: number, y: number) => {
    const level = levelAt(Math.hypot(x, y), EDGES);
    onMove?.(id, { level, place: x < 0 ? 'inside' : 'outside' });
  };
  const onKey = (event: KeyboardEvent, r: SupportResource) => {
    const to = { level: r.level, place: r.place };
    if (event.key === 'ArrowUp') to.level = stepLevel(r.level, 'in');
    else if (event.key === 'ArrowDown') to.level = stepLevel(r.level, 'out');
    else if (event.key === 'ArrowLeft') to.place = 'inside';
    else if (event.key === 'ArrowRight') to.place = 'outside';
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(r.id);
      return;
    } else return;
    event.preventDefault();
    onSelect?.(r.id);
    if (to.level !== r.level || to.place !== r.place) onMove?.(r.id, to);
  };
  const place = (p: Place) => t(`resilience.places.${p}`);

  return (
    <figure className="rmap-figure">
      {caption && <figcaption className="rmap-caption">{caption}</figcaption>}
      <svg
        ref={svg}
        className="rmap-svg"
        viewBox="-215 -228 430 456"
        role="group"
        aria-label={`${t('resilience.picture.label')} ${t('resilience.picture.summary', { count: resources.length })}`}
      >
        <circle r={EDGES[2]} className="rmap-ring rmap-contextual" />
        <circle r={EDGES[1]} className="rmap-ring rmap-relational" />
        <circle r={EDGES[0]} className="rmap-ring rmap-individual" />
        <circle r={ME} className="rmap-me" />
        <line x1={0} y1={-EDGES[2]} x2={0} y2={-ME} className="rmap-divider" />
        <line x1={0} y1={ME} x2={0} y2={EDGES[2]} className="rmap-divider" />
        <text x={0} y={5} className="rmap-me-label" textAnchor="middle" aria-hidden="true">
          {t('resilience.picture.me')}
        </text>
        <text x={-212} y={-212} className="rmap-place-label" aria-hidden="true">
          {place('inside')}
        </text>
        <text x={212} y={-212} className="rmap-place-label" textAnchor="end" aria-hidden="true">
          {place('outside')}
        </text>
        {LEVELS.map((level) => (
          <text key={level} x={0} y={-(MID[level] - 4)} className="rmap-level-label" textAnchor="middle" aria-hidden="true">
            {t(`resilience.levels.${level}`)}
          </text>
        ))}
        {placeResources(resources).map(({ resource: r, number, x, y }) => {
          const at = drag?.id === r.id ? drag : { x, y };
          const lines = wrapLabel(r.label);
          const shift = labelShift(at.x, lines);
          return (
            <g
              key={r.id}
              transform={`translate(${at.x} ${at.y})`}
              className={`rmap-token rmap-${r.usage}${selectedId === r.id ? ' is-selected' : ''}${highlightIds?.has(r.id) ? ' is-highlighted' : ''}${editable ? ' is-editable' : ''}`}
              {...(editable
                ? {
                    role: 'button',
                    tabIndex: 0,
                    'aria-pressed': selectedId === r.id,
                    'aria-label': `${number}. ${t('resilience.picture.token', { label: r.label, level: t(`resilience.levels.${r.level}`), place: place(r.place), usage: t(`resilience.usages.${r.usage}`) })}`,
                    onKeyDown: (e: KeyboardEvent) => onKey(e, r),
                    onFocus: () => setShown(r.id),
                    onBlur: () => setShown((s) => (s === r.id ? null : s)),
                    onPointerDown: (e: PointerEvent) => {
                      (e.currentTarget).setPointerCapture(e.pointerId);
                      const p = toSvg(e);
                      if (p) setDrag({ id: r.id, ...p });
                      onSelect?.(r.id);
                    },
                    onPointerMove: (e: PointerEvent) => {
                      if (drag?.id !== r.id) return;
                      const p = toSvg(e);
                      if (p) setDrag({ id: r.id, ...p });
                    },
                    onPointerUp: () => {
                      if (drag?.id === r.id) {
                        const moved = Math.hypot(drag.x - x, drag.y - y) > 6;
                        if (moved) drop(r.id, drag.x, drag.y);
                      }
                      setDrag(null);
                    },
                    onPointerCancel: () => setDrag(null),
                  }
                : { 'aria-hidden': true })}
              onPointerEnter={() => setShown(r.id)}
              onPointerLeave={() => setShown((s) => (s === r.id ? null : s))}
            >
              <title>{r.label}</title>
              <circle r={14} className="rmap-dot" />
              <text y={5} textAnchor="middle" className="rmap-number">
                {number}
              </text>
              <text y={29} textAnchor="middle" className="rmap-token-label">
                {lines.map((line, i) => (
                  <tspan key={i} x={shift} dy={i === 0 ? 0 : 12}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
      {resources.length > 0 && (
        <p className="rmap-focus-caption" aria-hidden="true">
          {shownResource ? `${numberResources(resources).get(shownResource.id) ?? ''}. ${shownResource.label} · ${t(`resilience.levels.${shownResource.level}`)}, ${place(shownResource.place)}` : t('resilience.picture.focusHint')}
        </p>
      )}
      <ul className="rmap-legend" aria-hidden="true">
        <li>
          <span className="rmap-key rmap-uses" /> {t('resilience.picture.legendUses')}
        </li>
        <li>
          <span className="rmap-key rmap-could-use" /> {t('resilience.picture.legendCould')}
        </li>
        <li>
          <span className="rmap-key rmap-hard-to-reach" /> {t('resilience.picture.legendHard')}
        </li>
      </ul>
    </figure>
  );
}

export { otherPlace };
