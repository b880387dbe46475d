/**
 * A synthetic student-information-system export (Osiris-like: semicolons, Dutch headers) with a
 * small share of bad rows, deterministic for a seed. `tsx bench/import/generate.ts 40000 > x.csv`
 */
import { mulberry32 } from '../../src/domain/random';

const FIRST = ['Aisha', 'Bram', 'Chaimae', 'Daan', 'Esra', 'Fenna', 'Gökhan', 'Hanna', 'Ilias', 'Jasmijn', 'Kofi', 'Lotte', 'Mohamed', 'Noor', 'Pim', 'Rayan', 'Sanne', 'Thijs', 'Vera', 'Yusuf', 'Zoë'];
const LAST = ['de Vries', 'Bakker', 'El Amrani', 'Jansen', 'Yilmaz', 'Visser', 'Mensah', 'de Jong', 'Smit', 'Kaya', 'Mulder', 'Bouzid', 'van Dijk', 'Pinas'];

/** `badShare` of the rows get one of four typical faults (missing number, bad e-mail, no class, duplicate). */
export function generateStudentCsv(rows: number, options: { seed?: number; badShare?: number } = {}): string {
  const random = mulberry32(options.seed ?? 42);
  const badShare = options.badShare ?? 0.01;
  const lines = ['Studentnummer;Roepnaam;Achternaam;E-mail;Klas;Taal'];
  for (let i = 0; i < rows; i++) {
    const number = String(1_000_000 + i);
    const first = FIRST[Math.floor(random() * FIRST.length)]!;
    const last = LAST[Math.floor(random() * LAST.length)]!;
    const klas = `K${String(1 + Math.floor(i / 30)).padStart(4, '0')}`;
    let cells = [number, first, last, `s${number}@student.bench.example`, klas, random() < 0.15 ? 'en' : 'nl'];
    if (random() < badShare) {
      const fault = Math.floor(random() * 4);
      if (fault === 0) cells[0] = '';
      if (fault === 1) cells[3] = 'geen-adres';
      if (fault === 2) cells[4] = '';
      if (fault === 3) cells = [String(1_000_000 + Math.max(0, i - 1)), ...cells.slice(1)];
    }
    lines.push(cells.join(';'));
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1]?.endsWith('generate.ts')) {
  process.stdout.write(generateStudentCsv(Number(process.argv[2] ?? 40000)));
}
