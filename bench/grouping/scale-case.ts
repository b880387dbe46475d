export type ScaleResult = { note: string };
export function runScaleCase(): ScaleResult {
  return { note: 'not implemented yet' };
}
export function formatScaleTable(result: ScaleResult): string {
  return result.note;
}
