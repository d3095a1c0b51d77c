// The view as the URL holds it, so that a link reproduces it: the nodes
// expanded (with their depth) or added, the mode and its ends, the
// selected node and the filters.
import type { Filters } from './api';

export type Mode = 'explore' | 'connect' | 'trail' | 'partners';

export interface View {
  mode: Mode;
  expanded: { id: string; depth: number }[];
  added: string[];
  selected: string | null;
  from: string | null;
  to: string | null;
  focus: string | null; // the result of a trail, the organisation of partner suggestions
  filters: Filters;
}

export const defaultHops = 4;
export const defaultSize = 200;
export const sizes = [50, 200, 1000];

export function emptyView(): View {
  return {
    mode: 'explore', expanded: [], added: [], selected: null, from: null, to: null, focus: null,
    filters: { rels: null, since: null, until: null, facts: false, hops: defaultHops, size: defaultSize },
  };
}

function int(v: string | null, lo: number, hi: number): number | null {
  if (v === null || !/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= lo && n <= hi ? n : null;
}

export function parseView(search: string): View {
  const p = new URLSearchParams(search);
  const v = emptyView();
  const mode = p.get('mode');
  if (mode === 'connect' || mode === 'trail' || mode === 'partners') v.mode = mode;
  for (const x of p.getAll('x')) {
    const i = x.lastIndexOf('~');
    const depth = i < 0 ? 1 : int(x.slice(i + 1), 1, 2) ?? 1;
    v.expanded.push({ id: i < 0 ? x : x.slice(0, i), depth });
  }
  v.added = p.getAll('a');
  v.selected = p.get('sel');
  v.from = p.get('from');
  v.to = p.get('to');
  v.focus = p.get('focus');
  const rels = p.get('rel');
  v.filters = {
    rels: rels === null ? null : rels.split(',').filter((r) => /^[A-Z_]+$/.test(r)),
    since: int(p.get('since'), 1900, 2100),
    until: int(p.get('until'), 1900, 2100),
    facts: p.get('facts') === '1',
    hops: int(p.get('hops'), 1, 6) ?? defaultHops,
    size: sizes.find((s) => s === int(p.get('size'), 1, 1000)) ?? defaultSize,
  };
  return v;
}

export function viewQuery(v: View, lang: string | null): string {
  const p = new URLSearchParams();
  if (v.mode !== 'explore') p.set('mode', v.mode);
  for (const x of v.expanded) p.append('x', `${x.id}~${x.depth}`);
  for (const a of v.added) p.append('a', a);
  if (v.selected) p.set('sel', v.selected);
  if (v.from) p.set('from', v.from);
  if (v.to) p.set('to', v.to);
  if (v.focus) p.set('focus', v.focus);
  const f = v.filters;
  if (f.rels) p.set('rel', f.rels.join(','));
  if (f.since !== null) p.set('since', String(f.since));
  if (f.until !== null) p.set('until', String(f.until));
  if (f.facts) p.set('facts', '1');
  if (f.hops !== defaultHops) p.set('hops', String(f.hops));
  if (f.size !== defaultSize) p.set('size', String(f.size));
  if (lang) p.set('lang', lang);
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}
