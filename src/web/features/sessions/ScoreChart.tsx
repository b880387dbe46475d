import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';

type Point = { at: string; score: number };

const W = 360;
const H = 150;
const PAD = { left: 28, right: 10, top: 10, bottom: 24 };

/**
 * Check-in scores (0–10) over time as a small line chart. The picture is decorative for screen
 * readers: the same numbers are in the table next to it.
 */
export function ScoreChart({ points, label }: { points: Point[]; label: string }) {
  const { i18n } = useTranslation();
  if (points.length === 0) return null;
  const x = (i: number) => PAD.left + (points.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (score: number) => PAD.top + ((10 - score) * (H - PAD.top - PAD.bottom)) / 10;
  const day = (iso: string) => formatDate(iso, 'short', i18n.language);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  return (
    <figure className="score-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {[0, 5, 10].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="axis">
              {v}
            </text>
          </g>
        ))}
        <path d={path} className="line" />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p.score)} r={4} className="dot" />
        ))}
        <text x={PAD.left} y={H - 6} className="axis">
          {day(points[0]!.at)}
        </text>
        {points.length > 1 && (
          <text x={W - PAD.right} y={H - 6} textAnchor="end" className="axis">
            {day(points[points.length - 1]!.at)}
          </text>
        )}
      </svg>
    </figure>
  );
}
