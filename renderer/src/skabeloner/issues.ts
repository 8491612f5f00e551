import type { TemplateIssue } from '../../../shared/domain/template-validation';

/** Which editor item an issue belongs to ("dates", "s2", "s2q5") and the field within it. */
export function issueTarget(issue: TemplateIssue): { item: string; field: string } {
  const [root, s, child, q, ...rest] = issue.path;
  if (root === 'dateFields') return { item: 'dates', field: String(s ?? '') };
  if (root !== 'sections' || typeof s !== 'number') return { item: 'template', field: '' };
  if (child !== 'questions' || typeof q !== 'number') return { item: `s${s}`, field: String(child ?? '') };
  const [field, sub] = rest;
  return {
    item: `s${s}q${q}`,
    field: field === 'frist' && typeof sub === 'string' ? `frist.${sub}` : String(field ?? ''),
  };
}

/** Field → first message, for one item. */
export function errorsFor(issues: TemplateIssue[], item: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const target = issueTarget(issue);
    if (target.item === item && !(target.field in out)) out[target.field] = issue.message;
  }
  return out;
}
