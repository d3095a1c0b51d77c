// Exports of the view: the data as JSON, CSV (nodes, edges), GraphML and
// GEXF (both open in Gephi), the picture as PNG (Cytoscape's renderer) or
// SVG (written here from the drawn positions and styles).
import type { Core } from 'cytoscape';
import type { DrawnEdge, DrawnNode } from './canvas';

export interface ViewData { nodes: DrawnNode[]; edges: DrawnEdge[] }

export function toJSON(d: ViewData): string {
  return JSON.stringify(d, null, 2) + '\n';
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function nodesCSV(d: ViewData): string {
  return csv(['id', 'name', 'type', 'synthetic', 'source', 'x', 'y'], d.nodes.map((n) => [n.id, n.name, n.type, n.synthetic, n.source, n.x, n.y]));
}

export function edgesCSV(d: ViewData): string {
  return csv(['id', 'from', 'to', 'kind', 'label', 'year', 'synthetic', 'source'],
    d.edges.map((e) => [e.id, e.from, e.to, e.kind, e.label, e.year, e.synthetic, e.source]));
}

export function xml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function toGraphML(d: ViewData): string {
  const keys = [
    ['name', 'node', 'string'], ['type', 'node', 'string'], ['synthetic', 'node', 'boolean'], ['source', 'node', 'string'],
    ['x', 'node', 'double'], ['y', 'node', 'double'],
    ['kind', 'edge', 'string'], ['label', 'edge', 'string'], ['year', 'edge', 'int'], ['esynthetic', 'edge', 'boolean'], ['esource', 'edge', 'string'],
  ];
  const attr = (k: string, v: unknown) => (v === null || v === undefined ? '' : `<data key="${k}">${xml(v)}</data>`);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(([id, dom, type]) => `  <key id="${id}" for="${dom}" attr.name="${id.replace(/^e(synthetic|source)$/, '$1')}" attr.type="${type}"/>`),
    '  <graph id="innograph" edgedefault="directed">'];
  for (const n of d.nodes) {
    out.push(`    <node id="${xml(n.id)}">${attr('name', n.name)}${attr('type', n.type)}${attr('synthetic', n.synthetic)}${attr('source', n.source)}${attr('x', n.x)}${attr('y', n.y)}</node>`);
  }
  for (const e of d.edges) {
    out.push(`    <edge id="${xml(e.id)}" source="${xml(e.from)}" target="${xml(e.to)}">${attr('kind', e.kind)}${attr('label', e.label)}${attr('year', e.year)}${attr('esynthetic', e.synthetic)}${attr('esource', e.source)}</edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

export function toGEXF(d: ViewData): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node"><attribute id="type" title="type" type="string"/><attribute id="synthetic" title="synthetic" type="boolean"/><attribute id="source" title="source" type="string"/></attributes>',
    '    <attributes class="edge"><attribute id="kind" title="kind" type="string"/><attribute id="year" title="year" type="integer"/><attribute id="synthetic" title="synthetic" type="boolean"/><attribute id="source" title="source" type="string"/></attributes>',
    '    <nodes>'];
  const values = (vs: [string, unknown][]) => vs.filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `<attvalue for="${k}" value="${xml(v)}"/>`).join('');
  for (const n of d.nodes) {
    out.push(`      <node id="${xml(n.id)}" label="${xml(n.name)}"><attvalues>${values([['type', n.type], ['synthetic', n.synthetic], ['source', n.source]])}</attvalues><viz:position x="${n.x}" y="${-n.y}" z="0"/></node>`);
  }
  out.push('    </nodes>', '    <edges>');
  for (const e of d.edges) {
    out.push(`      <edge id="${xml(e.id)}" source="${xml(e.from)}" target="${xml(e.to)}" label="${xml(e.label)}"><attvalues>${values([['kind', e.kind], ['year', e.year], ['synthetic', e.synthetic], ['source', e.source]])}</attvalues></edge>`);
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

// toSVG draws the view as Cytoscape shows it: nodes as their shapes at
// their model positions, edges as straight lines with arrowheads, labels.
export function toSVG(cy: Core): string {
  const bb = cy.elements().boundingBox({});
  const pad = 20;
  const w = Math.ceil(bb.w + 2 * pad), h = Math.ceil(bb.h + 2 * pad);
  const ox = pad - bb.x1, oy = pad - bb.y1;
  const font = 'font-family="Noto Sans CJK SC, sans-serif"';
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    '<rect width="100%" height="100%" fill="#ffffff"/>'];
  cy.edges().forEach((e) => {
    const s = e.source().position(), t = e.target().position();
    const x1 = s.x + ox, y1 = s.y + oy, x2 = t.x + ox, y2 = t.y + oy;
    const color = xml(e.data('color'));
    const dash = e.data('synthetic') ? ' stroke-dasharray="6 4"' : '';
    const len = Math.hypot(x2 - x1, y2 - y1) || 1, ux = (x2 - x1) / len, uy = (y2 - y1) / len;
    const r = e.target().width() / 2 + 2;
    const ax = x2 - ux * r, ay = y2 - uy * r;
    out.push(`<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${ax.toFixed(1)}" y2="${ay.toFixed(1)}" stroke="${color}" stroke-width="2"${dash}/>`);
    const p = (dx: number, dy: number) => `${(ax + dx).toFixed(1)},${(ay + dy).toFixed(1)}`;
    out.push(`<polygon points="${p(0, 0)} ${p(-ux * 9 - uy * 4, -uy * 9 + ux * 4)} ${p(-ux * 9 + uy * 4, -uy * 9 - ux * 4)}" fill="${color}"/>`);
    out.push(`<text x="${((x1 + x2) / 2).toFixed(1)}" y="${((y1 + y2) / 2 - 3).toFixed(1)}" font-size="9" fill="#374151" text-anchor="middle" ${font}>${xml(e.data('label'))}</text>`);
  });
  cy.nodes().forEach((n) => {
    const { x, y } = n.position();
    const cx = x + ox, cy2 = y + oy, r = n.width() / 2;
    const fill = xml(n.data('color'));
    const op = n.data('synthetic') ? ' fill-opacity="0.45"' : '';
    out.push(shape(n.data('shape') as string, cx, cy2, r, `fill="${fill}"${op} stroke="#ffffff"`));
    out.push(`<text x="${cx.toFixed(1)}" y="${(cy2 + r + 12).toFixed(1)}" font-size="11" fill="#111827" text-anchor="middle" ${font}>${xml(n.data('label'))}</text>`);
  });
  out.push('</svg>', '');
  return out.join('\n');
}

function shape(kind: string, x: number, y: number, r: number, attrs: string): string {
  const poly = (pts: [number, number][]) => `<polygon points="${pts.map(([a, b]) => `${(x + a * r).toFixed(1)},${(y + b * r).toFixed(1)}`).join(' ')}" ${attrs}/>`;
  switch (kind) {
    case 'triangle': return poly([[0, -1], [1, 1], [-1, 1]]);
    case 'diamond': return poly([[0, -1], [1, 0], [0, 1], [-1, 0]]);
    case 'hexagon': return poly([[-1, 0], [-0.5, -0.87], [0.5, -0.87], [1, 0], [0.5, 0.87], [-0.5, 0.87]]);
    case 'round-rectangle': return `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${2 * r}" height="${2 * r}" rx="${r / 3}" ${attrs}/>`;
    case 'rectangle': return `<rect x="${(x - r).toFixed(1)}" y="${(y - r).toFixed(1)}" width="${2 * r}" height="${2 * r}" ${attrs}/>`;
    default: return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" ${attrs}/>`;
  }
}
