// The explorer's controller: the view (state.ts) is the truth; actions
// change it, draw what changed and write it to the URL; loading a URL or
// changing a filter replays the whole view.
import * as api from './api';
import type { Chain, Filters, GNode, RelProps } from './api';
import { chainsAnswer, partnersAnswer, trailAnswer } from './answers';
import { Canvas, edgeId } from './canvas';
import { renderCard, type CardActions } from './card';
import { byId, h } from './dom';
import { edgesCSV, nodesCSV, toGEXF, toGraphML, toJSON, toSVG, type ViewData } from './exporters';
import { lang, pickLang, setLang, t, type TextKey } from './i18n';
import { chainIsFact, nodeName } from './sentences';
import { parseView, viewQuery, type View } from './state';
import { nodeTypes, relationKinds } from './table';

let view: View = parseView(location.search);
setLang(pickLang(location.search, navigator.languages));
const forcedLang = new URLSearchParams(location.search).get('lang');
let canvas: Canvas;
const names = new Map<string, GNode>(); // nodes seen, for the connect box

// busy counts work in flight; body[data-state] says "ready" when the view
// is completely drawn (the browser tests wait for it).
let busy = 0;
let notes: string[] = []; // what the status line says once the work is done

function note(s: string): void { notes.push(s); }
async function work<T>(f: () => Promise<T>): Promise<T | undefined> {
  busy++;
  document.body.dataset.state = 'busy';
  byId('status').textContent = t('loading');
  notes = [];
  try {
    const r = await f();
    byId('status').textContent = notes.join(' ');
    return r;
  } catch (e) {
    byId('status').textContent = t('error', { msg: e instanceof Error ? e.message : String(e) });
    return undefined;
  } finally {
    if (--busy === 0) {
      showCounts();
      document.body.dataset.state = 'ready';
    }
  }
}

function showCounts(): void {
  const el = byId('counts');
  const n = canvas.cy.nodes().length, e = canvas.cy.edges().length;
  el.dataset.nodes = String(n);
  el.dataset.edges = String(e);
  el.textContent = n === 0 ? t('empty') : t('counts', { n, e });
}

function writeURL(): void {
  history.replaceState(null, '', location.pathname + viewQuery(view, forcedLang));
}

function remember(ns: GNode[]): void { for (const n of ns) names.set(n.id, n); }

// ---------------------------------------------------------------- drawing

function stepEdges(c: Chain): { kind: string; from: string; to: string; rel: RelProps }[] {
  let prev = c.start.id;
  return c.steps.map((s) => {
    const [from, to] = s.direction === 'FORWARD' ? [prev, s.node.id] : [s.node.id, prev];
    prev = s.node.id;
    return { kind: s.kind, from, to, rel: s.relationship };
  });
}

function chainElementIds(cs: Chain[]): Set<string> {
  const ids = new Set<string>();
  for (const c of cs) {
    ids.add(c.start.id);
    for (const s of c.steps) ids.add(s.node.id);
    for (const e of stepEdges(c)) ids.add(edgeId(e.kind, e.from, e.to, e.rel));
  }
  return ids;
}

function drawChains(cs: Chain[]): void {
  canvas.add(cs.flatMap((c) => [c.start, ...c.steps.map((s) => s.node)]), cs.flatMap(stepEdges));
}

async function drawNetwork(id: string, depth: number, f: Filters): Promise<void> {
  const net = await api.network(id, depth, f);
  // The time from the answer to the first frame drawn (make bench-explorer).
  performance.mark('network-answer');
  canvas.cy.one('render', () => performance.measure('network-draw', 'network-answer'));
  const nodes = net.nodes.map((n) => n.node).filter((n) => !f.facts || !n.synthetic || n.id === id);
  remember(nodes);
  const keep = new Set(nodes.map((n) => n.id));
  const edges = net.edges
    .filter((e) => keep.has(e.fromId) && keep.has(e.toId) && (!f.facts || e.relationship.synthetic !== true))
    .map((e) => ({ kind: e.kind, from: e.fromId, to: e.toId, rel: e.relationship }));
  canvas.add(nodes, edges);
  const cut = [net.truncated ? t('truncated', { n: f.size }) : '', net.edgesTruncated ? t('edgesTruncated') : ''].filter(Boolean);
  if (cut.length) note(cut.join(' '));
  if (net.hubs.length > 0) canvas.markHubs(await api.relationshipCounts(net.hubs.map((n) => n.id)), (n) => t('notExpanded', { n }));
}

async function drawNode(id: string): Promise<void> {
  if (canvas.has(id)) return;
  const n = names.get(id) ?? (await api.card(id));
  if (n) { remember([n]); canvas.add([n], []); }
}

async function showCard(id: string | null): Promise<void> {
  const box = byId('card');
  box.replaceChildren();
  canvas.select(id);
  if (!id) return;
  const n = await api.card(id);
  if (!n) return;
  remember([n]);
  box.replaceChildren(renderCard(n, actions));
}

async function showChains(): Promise<void> {
  const { from, to } = view;
  if (!from || !to) return;
  const f = view.filters;
  const a = await api.chain(from, to, f, f.facts ? 20 : 5);
  const facts = f.facts ? a.chains.filter(chainIsFact) : a.chains;
  const shown = facts.slice(0, 5);
  remember([...shown.flatMap((c) => [c.start, ...c.steps.map((s) => s.node)])]);
  drawChains(shown);
  canvas.markEnds([from, to]);
  canvas.highlight(shown.length ? chainElementIds(shown) : null);
  const more = facts.length > shown.length || (a.truncated && shown.length === 5);
  byId('answer').replaceChildren(chainsAnswer(a, shown, a.chains.length - facts.length, more, focusChain));
}

function focusChain(c: Chain): void { canvas.highlight(chainElementIds([c])); }

async function showTrail(id: string): Promise<void> {
  const tr = await api.resultTrail(id);
  if (!tr) return;
  const f = view.filters;
  const ok = (r: { synthetic?: boolean }) => !f.facts || r.synthetic !== true;
  const devs = tr.developers.filter(ok);
  const projects = tr.projects.filter(ok);
  const transfers = tr.transfers.filter((x) => ok(x.transfer)).map((x) => ({
    ...x, transfer: { ...x.transfer, broker: x.transfer.broker && ok(x.transfer.broker) ? x.transfer.broker : null },
    parks: x.parks.filter(ok), alliances: x.alliances.filter(ok),
  }));
  const shown = { ...tr, developers: devs, projects, transfers };
  // Left to right: developers and projects, the result (its transfers'
  // brokers below it), adopters, their parks and alliances.
  const col = (x: number, ns: GNode[], below = 0) => ns.map((node, i) => ({ node, x: x * 260, y: below ? (i + 1) * below : (i - (ns.length - 1) / 2) * 90 }));
  const adopters = transfers.map((x) => x.transfer.enterprise);
  const brokered = transfers.filter((x) => x.transfer.broker !== null);
  const brokers = brokered.map((x) => x.transfer.broker as GNode);
  const places = transfers.flatMap((x) => [...x.parks.map((p) => p.park), ...x.alliances.map((m) => m.alliance)]);
  const uniq = (ns: GNode[]) => [...new Map(ns.map((n) => [n.id, n])).values()];
  remember([tr.result, ...devs.map((d) => d.developer), ...projects.map((p) => p.project), ...adopters, ...brokers, ...places]);
  canvas.preset(
    [...col(0, uniq([...devs.map((d) => d.developer), ...projects.map((p) => p.project)])), ...col(1, [tr.result]),
      ...col(1.5, uniq(brokers), 120), ...col(2, uniq(adopters)), ...col(3, uniq(places))],
    [
      ...devs.map((d) => ({ kind: 'DEVELOPMENT', from: d.developer.id, to: tr.result.id, rel: d })),
      ...projects.map((p) => ({ kind: 'OUTPUT', from: p.project.id, to: tr.result.id, rel: p })),
      ...transfers.map((x) => ({ kind: 'TRANSFER', from: tr.result.id, to: x.transfer.enterprise.id, rel: x.transfer })),
      ...brokered.flatMap((x) => {
        const b = (x.transfer.broker as GNode).id;
        const rel: RelProps = { ...x.transfer, serviceKind: 'BROKERAGE' };
        return [
          { kind: 'BROKERAGE', from: b, to: tr.result.id, rel },
          { kind: 'SERVICE', from: b, to: x.transfer.enterprise.id, rel },
        ];
      }),
      ...transfers.flatMap((x) => [
        ...x.parks.map((p) => ({ kind: 'LOCATION', from: x.transfer.enterprise.id, to: p.park.id, rel: p })),
        ...x.alliances.map((m) => ({ kind: 'MEMBERSHIP', from: x.transfer.enterprise.id, to: m.alliance.id, rel: m })),
      ]),
    ]);
  byId('answer').replaceChildren(trailAnswer(shown, actions.open));
}

async function showPartners(id: string): Promise<void> {
  const ss = await api.suggestPartners(id);
  const of = names.get(id) ?? (await api.card(id));
  if (!of) return;
  const chains = ss.flatMap((s) => s.reasons.flatMap((r) => (r.chain ? [r.chain] : [])))
    .filter((c) => !view.filters.facts || chainIsFact(c));
  remember(ss.map((s) => s.node));
  await drawNode(id);
  drawChains(chains);
  canvas.add(ss.map((s) => s.node), []);
  canvas.markEnds([id]);
  byId('answer').replaceChildren(partnersAnswer(of, ss, actions.open));
}

// replay draws the whole view from nothing (a loaded link, a filter change).
async function replay(): Promise<void> {
  await work(async () => {
    canvas.clear();
    byId('answer').replaceChildren();
    for (const x of view.expanded) await drawNetwork(x.id, x.depth, view.filters);
    for (const a of view.added) await drawNode(a);
    if (view.mode === 'connect') await showChains();
    if (view.mode === 'trail' && view.focus) await showTrail(view.focus);
    if (view.mode === 'partners' && view.focus) await showPartners(view.focus);
    renderConnectBox();
    await showCard(view.selected);
    if (view.selected && canvas.has(view.selected)) canvas.select(view.selected);
  });
  writeURL();
}

// ---------------------------------------------------------------- actions

const actions: CardActions = {
  open: (id) => void work(async () => {
    byId('hits').replaceChildren();
    if (view.mode === 'trail') { view.mode = 'explore'; view.focus = null; await replay(); }
    if (!canvas.has(id) && !view.added.includes(id)) view.added.push(id);
    await drawNode(id);
    view.selected = id;
    await showCard(id);
    writeURL();
  }),
  expand: (id, depth) => void work(async () => {
    view.expanded = view.expanded.filter((x) => x.id !== id).concat({ id, depth });
    view.added = view.added.filter((a) => a !== id);
    await drawNetwork(id, depth, view.filters);
    canvas.select(id);
    writeURL();
  }),
  connectFrom: (id) => { view.from = id; renderConnectBox(); writeURL(); if (view.to) void connect(); },
  connectTo: (id) => { view.to = id; renderConnectBox(); writeURL(); if (view.from) void connect(); },
  trail: (id) => { view.mode = 'trail'; view.focus = id; void replay(); },
  partners: (id) => { view.mode = 'partners'; view.focus = id; void replay(); },
};

async function connect(): Promise<void> {
  if (!view.from || !view.to) return;
  view.mode = 'connect';
  view.focus = null;
  await work(showChains);
  writeURL();
}

function renderConnectBox(): void {
  const name = (id: string | null) => (id ? nodeName(names.get(id) ?? { __typename: '', id, name: id, synthetic: false }, lang) : t('pickNode'));
  byId('from-name').textContent = name(view.from);
  byId('to-name').textContent = name(view.to);
  byId<HTMLButtonElement>('connect').disabled = !view.from || !view.to;
}

async function runSearch(): Promise<void> {
  const q = byId<HTMLInputElement>('q').value.trim();
  const type = byId<HTMLSelectElement>('types').value;
  const box = byId('hits');
  if (!q) { box.replaceChildren(); return; }
  const hits = await work(() => api.search(q, type ? [type] : null));
  if (!hits) return;
  remember(hits.map((x) => x.node));
  box.replaceChildren(hits.length === 0 ? h('p', { class: 'none' }, t('noHits')) : h('ul', { class: 'hits' },
    ...hits.map((x) => h('li', {}, h('button', { type: 'button', class: 'hit', 'data-id': x.node.id, onclick: () => actions.open(x.node.id) },
      h('span', { class: 'swatch', style: `background:${nodeTypes[x.node.__typename]?.color ?? '#64748b'}` }),
      nodeName(x.node, lang), h('small', {}, ` ${String(x.node.region ?? '')}`))))));
  box.querySelector<HTMLButtonElement>('button.hit')?.focus();
}

// ---------------------------------------------------------------- filters

function readFilters(): Filters {
  const rels = [...document.querySelectorAll<HTMLInputElement>('#rel-kinds input')];
  const checked = rels.filter((c) => c.checked).map((c) => c.value);
  const year = (id: string) => {
    const v = Number(byId<HTMLInputElement>(id).value);
    return Number.isInteger(v) && v >= 1900 && v <= 2100 ? v : null;
  };
  return {
    rels: checked.length === rels.length ? null : checked,
    since: year('since'), until: year('until'),
    facts: byId<HTMLInputElement>('facts').checked,
    hops: Math.min(6, Math.max(1, Number(byId<HTMLInputElement>('hops').value) || 4)),
    size: Number(byId<HTMLSelectElement>('size').value) || 200,
  };
}

function writeFilters(f: Filters): void {
  for (const c of document.querySelectorAll<HTMLInputElement>('#rel-kinds input')) c.checked = !f.rels || f.rels.includes(c.value);
  byId<HTMLInputElement>('since').value = f.since === null ? '' : String(f.since);
  byId<HTMLInputElement>('until').value = f.until === null ? '' : String(f.until);
  byId<HTMLInputElement>('facts').checked = f.facts;
  byId<HTMLInputElement>('hops').value = String(f.hops);
  byId<HTMLSelectElement>('size').value = String(f.size);
}

// ---------------------------------------------------------------- exports

function download(name: string, type: string, data: Blob | string): void {
  const url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function exportView(kind: string): void {
  const d: ViewData = { nodes: canvas.nodes(), edges: canvas.edges() };
  switch (kind) {
    case 'png': download('innograph.png', 'image/png', canvas.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' })); break;
    case 'svg': download('innograph.svg', 'image/svg+xml', toSVG(canvas.cy)); break;
    case 'json': download('innograph.json', 'application/json', toJSON(d)); break;
    case 'nodes.csv': download('innograph-nodes.csv', 'text/csv', nodesCSV(d)); break;
    case 'edges.csv': download('innograph-edges.csv', 'text/csv', edgesCSV(d)); break;
    case 'graphml': download('innograph.graphml', 'application/graphml+xml', toGraphML(d)); break;
    case 'gexf': download('innograph.gexf', 'application/xml', toGEXF(d)); break;
  }
}

// ---------------------------------------------------------------- page

function staticText(): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(el.dataset.t as TextKey);
  byId<HTMLInputElement>('q').placeholder = t('searchPlaceholder');
  const types = byId<HTMLSelectElement>('types');
  types.replaceChildren(h('option', { value: '' }, t('allTypes')),
    ...Object.values(nodeTypes).map((s) => h('option', { value: s.kind ?? '' }, s.label[lang])));
  byId('rel-kinds').replaceChildren(...Object.entries(relationKinds).map(([k, s]) =>
    h('label', {}, h('input', { type: 'checkbox', value: k, checked: true }), h('span', { class: 'swatch line', style: `background:${s.color}` }), s.label[lang])));
  byId('legend').replaceChildren(byId('counts'),
    ...Object.values(nodeTypes).map((s) => h('span', { class: `key ${s.shape}` }, h('i', { style: `background:${s.color}` }), s.label[lang])),
    h('span', { class: 'key' }, t('dashedIllustrative')));
  const other = lang === 'zh' ? 'en' : 'zh';
  const p = new URLSearchParams(location.search);
  p.set('lang', other);
  byId<HTMLAnchorElement>('lang-toggle').href = `${location.pathname}?${p.toString()}`;
}

function keyboard(): void {
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement;
    if (e.key === '/' && !typing) { e.preventDefault(); byId('q').focus(); }
    if (e.key === 'Escape') canvas.highlight(null);
  });
  // On the canvas: arrows pan, + and - zoom, 0 fits.
  byId('cy').addEventListener('keydown', (e) => {
    const pan: Record<string, [number, number]> = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
    const cy = canvas.cy;
    if (pan[e.key]) cy.panBy({ x: pan[e.key][0], y: pan[e.key][1] });
    else if (e.key === '+' || e.key === '=') cy.zoom({ level: cy.zoom() * 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    else if (e.key === '-') cy.zoom({ level: cy.zoom() / 1.2, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    else if (e.key === '0') canvas.fit();
    else return;
    e.preventDefault();
  });
}

function start(): void {
  staticText();
  canvas = new Canvas(byId('cy'), lang, (id) => { view.selected = id; writeURL(); void work(() => showCard(id)); });
  writeFilters(view.filters);
  byId('search-form').addEventListener('submit', (e) => { e.preventDefault(); void runSearch(); });
  byId('filters-form').addEventListener('change', () => { view.filters = readFilters(); void replay(); });
  byId('filters-form').addEventListener('submit', (e) => e.preventDefault());
  byId('connect').addEventListener('click', () => void connect());
  byId('fit').addEventListener('click', () => canvas.fit());
  byId('clear').addEventListener('click', () => {
    const f = view.filters;
    view = parseView('');
    view.filters = f;
    void replay();
  });
  byId('export').addEventListener('click', () => exportView(byId<HTMLSelectElement>('export-kind').value));
  keyboard();
  void replay();
}

start();
