import { describe, expect, it } from 'vitest';
import { newestIntakeFirst, type OrderedIntake } from './intake-order';

describe('intakes newest first', () => {
  it('puts this year on top, September before February within a year', () => {
    const intakes: OrderedIntake[] = [
      { academicYear: '2025-2026', month: 'september' },
      { academicYear: '2026-2027', month: 'february' },
      { academicYear: '2024-2025', month: 'february' },
      { academicYear: '2026-2027', month: 'september' },
      { academicYear: '2025-2026', month: 'february' },
    ];
    expect([...intakes].sort(newestIntakeFirst).map((i) => `${i.academicYear} ${i.month}`)).toEqual(['2026-2027 september', '2026-2027 february', '2025-2026 september', '2025-2026 february', '2024-2025 february']);
  });
});
