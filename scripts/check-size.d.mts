// Types for check-size.mjs, for the TypeScript tests, vite.config.ts and the benchmark.
export interface SizeReport {
  initialBrotli: number;
  entryBrotli: number;
  precacheBytes: number;
  entryFiles: string[];
  initialFiles: string[];
  precacheFiles: string[];
  brotliOf: Record<string, number>;
}
export interface BudgetRow {
  figure: string;
  size: number;
  budget: number;
  ok: boolean;
}
export const BUDGETS: { initialBrotli: number; entryBrotli: number; precacheBytes: number };
export function htmlReferences(html: string): {
  scripts: string[];
  modulepreloads: string[];
  stylesheets: string[];
};
export function staticImports(code: string): string[];
export function precacheUrls(sw: string): string[];
export function firstPaintFiles(distDir: string): Promise<string[]>;
export function measureSizes(distDir: string): Promise<SizeReport>;
export function compareToBudgets(
  report: SizeReport,
  budgets?: typeof BUDGETS,
): { rows: BudgetRow[]; ok: boolean };
export function formatTable(rows: BudgetRow[]): string;
