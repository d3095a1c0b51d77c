// The answers listed beside the canvas: chains as sentences with each
// step's evidence, a result's trail, partner suggestions with reasons.
import type { Chain, ChainAnswer, GNode, Suggestion, Trail } from './api';
import { evidenceLine } from './card';
import { h } from './dom';
import { lang, t } from './i18n';
import { chainParts, nodeName } from './sentences';
import { reasonLabels, relationLabel } from './table';

export function chainItem(c: Chain, onFocus: (c: Chain) => void): HTMLElement {
  const parts = chainParts(c, lang);
  const sentence = h('p', { class: 'sentence' });
  const evidence = h('ol', { class: 'evidence-list' });
  for (const p of parts) {
    if (p.node) sentence.append(h('span', { class: 'node', 'data-id': p.node.id }, nodeName(p.node, lang)));
    else if (p.arrow && p.evidence) {
      sentence.append(h('span', { class: 'arrow' }, p.arrow));
      const e = p.evidence;
      evidence.append(h('li', {}, `${e.label}${e.year ? ` (${e.year})` : ''} — `, evidenceLine(e.source, e.synthetic)));
    }
  }
  const ids = [c.start.id, ...c.steps.map((s) => s.node.id)].join(' ');
  return h('li', { class: 'chain', 'data-ids': ids, 'data-kinds': c.steps.map((s) => s.kind).join(' '), tabindex: '0',
    onclick: () => onFocus(c), onkeydown: (ev: Event) => { if ((ev as KeyboardEvent).key === 'Enter') onFocus(c); } },
  sentence, evidence);
}

// chainsAnswer says in words how complete the answer is: how many chains,
// none within the hops, more exist, some hidden by the facts-only filter.
export function chainsAnswer(a: ChainAnswer, shown: Chain[], hidden: number, more: boolean, onFocus: (c: Chain) => void): HTMLElement {
  const box = h('div', { id: 'chains', 'data-count': String(shown.length) });
  if (shown.length > 0) box.append(h('p', { class: 'summary' }, t('chainsFound', { n: shown.length, hops: a.maxHops })));
  else if (a.exhausted && hidden === 0) box.append(h('p', { class: 'summary none' }, t('noChain', { hops: a.maxHops })));
  else if (!a.exhausted) box.append(h('p', { class: 'summary none' }, t('notExhausted')));
  if (hidden > 0) box.append(h('p', { class: 'summary' }, t('hiddenChains', { n: hidden })));
  if (more) box.append(h('p', { class: 'summary more' }, t('moreChains', { n: shown.length })));
  if (a.skippedHubs.length > 0) {
    box.append(h('p', { class: 'summary' }, t('skippedHubs', { names: a.skippedHubs.map((n) => nodeName(n, lang)).join('、') })));
  }
  box.append(h('ol', { class: 'chains' }, ...shown.map((c) => chainItem(c, onFocus))));
  return box;
}

export function trailAnswer(tr: Trail, open: (id: string) => void): HTMLElement {
  const link = (n: GNode) => h('button', { type: 'button', class: 'link', onclick: () => open(n.id) }, nodeName(n, lang));
  const list = h('ul', { class: 'trail' });
  for (const d of tr.developers) {
    list.append(h('li', {}, link(d.developer), ` ${relationLabel('DEVELOPMENT', d, lang)} `, link(tr.result), ' ', evidenceLine(d.source, d.synthetic === true)));
  }
  for (const p of tr.projects) {
    list.append(h('li', {}, link(p.project), ` ${relationLabel('OUTPUT', p, lang)} `, link(tr.result), ' ', evidenceLine(p.source, p.synthetic === true)));
  }
  for (const x of tr.transfers) {
    const e = x.transfer;
    list.append(h('li', {}, link(tr.result), ` ${relationLabel('TRANSFER', e, lang)}${e.year ? ` (${e.year})` : ''} `, link(e.enterprise),
      e.broker ? h('span', { class: 'broker' }, ` · ${t('brokeredBy')} `, link(e.broker)) : null, ' ',
      evidenceLine(e.source, e.synthetic === true)));
    for (const p of x.parks) list.append(h('li', { class: 'sub' }, link(e.enterprise), ` ${relationLabel('LOCATION', p, lang)} `, link(p.park)));
    for (const m of x.alliances) list.append(h('li', { class: 'sub' }, link(e.enterprise), ` ${relationLabel('MEMBERSHIP', m, lang)} `, link(m.alliance)));
  }
  return h('div', { id: 'trail-answer' },
    h('p', { class: 'summary' }, t('trailTitle', { name: nodeName(tr.result, lang) })),
    tr.transfers.length === 0 ? h('p', { class: 'summary none' }, t('noTransfers')) : null,
    list);
}

export function partnersAnswer(of: GNode, ss: Suggestion[], open: (id: string) => void): HTMLElement {
  const list = h('ol', { class: 'partners' });
  for (const s of ss) {
    const reasons = h('ul', {});
    for (const r of s.reasons) {
      const what = r.via ? nodeName(r.via, lang) : (r.field ?? '');
      reasons.append(h('li', {}, `${reasonLabels[r.kind]?.[lang] ?? r.kind}: ${what} (+${r.weight})`));
    }
    list.append(h('li', { 'data-id': s.node.id },
      h('button', { type: 'button', class: 'link', onclick: () => open(s.node.id) }, nodeName(s.node, lang)),
      ` — ${t('score')} ${s.score}`, reasons));
  }
  return h('div', { id: 'partners-answer' },
    h('p', { class: 'summary' }, t(ss.length ? 'partnersTitle' : 'noPartners', { name: nodeName(of, lang) })), list);
}
