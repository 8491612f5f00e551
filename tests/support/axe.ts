import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's script, read once: run through the page's own evaluate, since the app's CSP forbids inline scripts. */
let source: string | undefined;
const axeSource = () => {
  source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return source;
};

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** The WCAG 2.1 A and AA violations axe-core finds on the page as it is, each said with where. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations as AxeViolation[];
  });
  return violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
