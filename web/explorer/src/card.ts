// A node's card: its fields, its source document, fact or illustrative,
// and its relationships grouped by kind with counts.
import { connections, type GNode } from './api';
import { h } from './dom';
import { lang, t } from './i18n';
import { nodeName } from './sentences';
import { fieldLabel, nodeStyle, relationLabel, relationYear, valueLabel } from './table';

export interface CardActions {
  open(id: string): void;
  expand(id: string, depth: 1 | 2): void;
  connectFrom(id: string): void;
  connectTo(id: string): void;
  trail(id: string): void;
  partners(id: string): void;
}

// The depth of the last expansion, offered again on the next card.
let lastDepth = '2';

const hidden = new Set(['__typename', 'id', 'name', 'synthetic', 'source']);

export function evidenceLine(source: string | null | undefined, synthetic: boolean): HTMLElement {
  return h('span', { class: synthetic ? 'evidence illustrative' : 'evidence fact' },
    `${synthetic ? t('illustrative') : t('fact')} · ${t('sourceDoc')}: ${source || t('noSource')}`);
}

export function renderCard(n: GNode, act: CardActions): HTMLElement {
  const s = nodeStyle(n.__typename);
  const conns = connections(n);
  const fields = h('dl', { class: 'fields' });
  for (const [k, v] of Object.entries(n)) {
    if (hidden.has(k) || v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (conns.some(([c]) => c === k)) continue;
    const text = Array.isArray(v) ? v.map((x) => valueLabel(x, lang)).join('、') : valueLabel(v, lang);
    fields.append(h('dt', {}, fieldLabel(k, lang)), h('dd', {}, text));
  }
  const groups = h('div', { class: 'groups' }, h('h3', {}, t('relationships')));
  for (const [field, c] of conns) {
    if (c.totalCount === 0) continue;
    const list = h('ul', {});
    for (const e of c.edges) {
      const rel = e.node;
      const kind = String(rel.kind).toUpperCase();
      const other = Object.values(rel).find((v): v is GNode =>
        typeof v === 'object' && v !== null && 'id' in v && (v as GNode).id !== n.id);
      if (!other) continue;
      const year = relationYear(kind, rel);
      list.append(h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => act.open(other.id) }, nodeName(other, lang)),
        h('span', { class: 'rel' }, ` ${relationLabel(kind, rel, lang)}${year ? ` ${year}` : ''}`),
        rel.synthetic === true ? h('span', { class: 'tag illustrative' }, t('illustrative')) : null));
    }
    if (c.totalCount > c.edges.length) list.append(h('li', { class: 'more' }, t('more', { n: c.totalCount - c.edges.length })));
    groups.append(h('details', { open: true, 'data-group': field },
      h('summary', {}, `${fieldLabel(field, lang)} (${c.totalCount})`), list));
  }
  const org = n.__typename === 'Enterprise' || n.__typename === 'University';
  const depth = h('select', { id: 'depth', 'aria-label': t('depth'), onchange: () => { lastDepth = depth.value; } },
    h('option', { value: '1' }, '1'), h('option', { value: '2' }, '2'));
  depth.value = lastDepth;
  return h('article', { class: 'card', 'data-id': n.id },
    h('header', {},
      h('span', { class: 'swatch', style: `background:${s.color}` }),
      h('h2', {}, nodeName(n, lang)),
      h('span', { class: 'type' }, s.label[lang])),
    lang === 'en' && n.nameEn ? h('p', { class: 'alt' }, n.name) : null,
    h('p', {}, evidenceLine(n.source, n.synthetic)),
    fields,
    h('div', { class: 'actions' },
      h('span', { class: 'expand' },
        h('button', { type: 'button', id: 'expand', onclick: () => act.expand(n.id, depth.value === '1' ? 1 : 2) }, t('expand')),
        depth),
      h('button', { type: 'button', id: 'connect-from', onclick: () => act.connectFrom(n.id) }, t('connectFrom')),
      h('button', { type: 'button', id: 'connect-to', onclick: () => act.connectTo(n.id) }, t('connectTo')),
      n.__typename === 'Result' ? h('button', { type: 'button', id: 'trail', onclick: () => act.trail(n.id) }, t('trail')) : null,
      org ? h('button', { type: 'button', id: 'partners', onclick: () => act.partners(n.id) }, t('partners')) : null),
    groups);
}
