// The drawing: a Cytoscape.js graph whose nodes are coloured and shaped by
// type and whose edges are labelled by kind and year (table.ts), grown in
// place: nodes already drawn keep their positions when more are added.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GNode, RelProps } from './api';
import { nodeStyle, relationLabel, relationStyle, relationYear, type Lang } from './table';
import { nodeName } from './sentences';

cytoscape.use(fcose);

export interface DrawnNode { id: string; name: string; type: string; synthetic: boolean; source: string | null; x: number; y: number }
export interface DrawnEdge {
  id: string; from: string; to: string; kind: string; label: string;
  year: number | null; synthetic: boolean; source: string | null;
}

// An edge's id: its kind, its stored ends and, for kinds that may join the
// same two nodes more than once, the detail that tells them apart.
export function edgeId(kind: string, from: string, to: string, props: RelProps): string {
  const s = relationStyle(kind);
  const d = s.byEnds ? undefined : s.detail;
  return `${kind}|${from}|${to}|${d === undefined ? '' : String(props[d] ?? '')}`;
}

const font = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';

export class Canvas {
  readonly cy: Core;
  private lang: Lang;

  constructor(container: HTMLElement, lang: Lang, onSelect: (id: string) => void) {
    this.lang = lang;
    this.cy = cytoscape({
      container,
      wheelSensitivity: 0.3,
      minZoom: 0.1,
      maxZoom: 4,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)', shape: 'data(shape)' as never, label: 'data(label)',
            width: 30, height: 30, 'font-size': 11, 'font-family': font, color: '#111827',
            'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap', 'text-max-width': '150px',
            'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': '1px',
            'border-width': 1, 'border-color': '#ffffff',
            'min-zoomed-font-size': 7, // labels too small to read are not drawn (large networks pan faster)
          },
        },
        { selector: 'node[?synthetic]', style: { 'background-opacity': 0.45, 'border-style': 'dashed', 'border-color': '#374151', 'border-width': 2 } },
        { selector: 'node.hub', style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#111827' } },
        { selector: 'node.end', style: { 'border-width': 4, 'border-color': '#111827', width: 38, height: 38 } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
        {
          selector: 'edge',
          style: {
            width: 2, 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle',
            'curve-style': 'bezier', label: 'data(label)', 'font-size': 9, 'font-family': font, color: '#374151',
            'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85,
            'text-background-padding': '1px', opacity: 0.9, 'min-zoomed-font-size': 7,
          },
        },
        { selector: 'edge[?synthetic]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4], opacity: 0.6 } },
        { selector: '.faded', style: { opacity: 0.15 } },
        { selector: 'edge.onchain', style: { width: 4, opacity: 1, 'z-index': 10 } },
      ],
    });
    this.cy.on('tap', 'node', (e) => onSelect((e.target as NodeSingular).id()));
  }

  setLang(lang: Lang): void { this.lang = lang; }

  clear(): void { this.cy.elements().remove(); }

  // nodeDef and edgeDef turn API answers into drawn elements.
  private nodeDef(n: GNode): ElementDefinition {
    const s = nodeStyle(n.__typename);
    return {
      group: 'nodes',
      data: {
        id: n.id, name: n.name, label: nodeName(n, this.lang), type: n.__typename, color: s.color, shape: s.shape,
        synthetic: n.synthetic, evidence: n.source ?? null,
      },
    };
  }

  private edgeDef(kind: string, from: string, to: string, r: RelProps): ElementDefinition {
    const year = relationYear(kind, r);
    const label = relationLabel(kind, r, this.lang);
    return {
      group: 'edges',
      data: {
        id: edgeId(kind, from, to, r), source: from, target: to, kind, relLabel: label,
        label: year === undefined ? label : `${label} ${year}`, year: year ?? null,
        color: relationStyle(kind).color, synthetic: r.synthetic === true, evidence: r.source ?? null,
      },
    };
  }

  // add draws what is not drawn yet, lays out the new nodes around the old
  // ones (which stay put) and returns the ids of the new nodes.
  add(nodes: GNode[], edges: { kind: string; from: string; to: string; rel: RelProps }[]): Set<string> {
    const fresh = new Set<string>();
    const defs: ElementDefinition[] = [];
    for (const n of nodes) {
      if (this.cy.getElementById(n.id).nonempty() || fresh.has(n.id)) continue;
      fresh.add(n.id);
      defs.push(this.nodeDef(n));
    }
    const edgeDefs: ElementDefinition[] = [];
    const seen = new Set<string>();
    for (const e of edges) {
      const d = this.edgeDef(e.kind, e.from, e.to, e.rel);
      const id = d.data.id as string;
      if (this.cy.getElementById(id).nonempty() || seen.has(id)) continue;
      seen.add(id);
      edgeDefs.push(d);
    }
    this.cy.batch(() => {
      const added = this.cy.add(defs);
      this.cy.add(edgeDefs);
      added.nodes().forEach((n) => { n.position(this.nearNeighbour(n, fresh)); });
    });
    if (fresh.size > 0) this.layout(fresh);
    return fresh;
  }

  // nearNeighbour starts a new node next to a node already placed, so the
  // layout only has to settle it.
  private nearNeighbour(n: NodeSingular, fresh: Set<string>): { x: number; y: number } {
    const old = n.neighborhood().nodes().filter((m) => !fresh.has(m.id()));
    const base = old.nonempty() ? (old.first() as NodeSingular).position() : { x: 0, y: 0 };
    const a = hash(n.id()) % 360 * Math.PI / 180;
    return { x: base.x + 80 * Math.cos(a), y: base.y + 80 * Math.sin(a) };
  }

  private layout(fresh: Set<string>): void {
    const fixed = this.cy.nodes().filter((n) => !fresh.has(n.id())).map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } }));
    const opts = {
      name: 'fcose', animate: false, randomize: fixed.length === 0, quality: 'default',
      nodeRepulsion: 8000, idealEdgeLength: 110, nodeSeparation: 90,
      fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
    };
    this.cy.layout(opts as cytoscape.LayoutOptions).run();
    this.fit();
  }

  // preset draws elements at given positions (the trail's columns).
  preset(nodes: { node: GNode; x: number; y: number }[], edges: { kind: string; from: string; to: string; rel: RelProps }[]): void {
    this.clear();
    this.cy.batch(() => {
      for (const p of nodes) {
        if (this.cy.getElementById(p.node.id).nonempty()) continue;
        this.cy.add({ ...this.nodeDef(p.node), position: { x: p.x, y: p.y } });
      }
      for (const e of edges) {
        const d = this.edgeDef(e.kind, e.from, e.to, e.rel);
        if (this.cy.getElementById(d.data.id as string).empty()) this.cy.add(d);
      }
    });
    this.fit();
  }

  fit(): void { this.cy.fit(undefined, 40); if (this.cy.zoom() > 1.5) { this.cy.zoom(1.5); this.cy.center(); } }

  markHubs(counts: Map<string, number>, note: (n: number) => string): void {
    for (const [id, n] of counts) {
      const el = this.cy.getElementById(id);
      el.addClass('hub');
      el.data('label', `${el.data('label') as string}\n(${note(n)})`);
    }
  }

  markEnds(ids: string[]): void {
    this.cy.nodes().removeClass('end');
    for (const id of ids) this.cy.getElementById(id).addClass('end');
  }

  // highlight fades everything but the given elements (none: nothing faded).
  highlight(ids: Set<string> | null): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('faded onchain');
      if (!ids) return;
      this.cy.elements().forEach((el) => {
        if (!ids.has(el.id())) el.addClass('faded');
        else if (el.isEdge()) el.addClass('onchain');
      });
    });
  }

  select(id: string | null): void {
    this.cy.nodes().unselect();
    if (id) this.cy.getElementById(id).select();
  }

  has(id: string): boolean { return this.cy.getElementById(id).nonempty(); }

  nodes(): DrawnNode[] {
    return this.cy.nodes().map((n) => ({
      id: n.id(), name: n.data('name') as string, type: n.data('type') as string,
      synthetic: n.data('synthetic') as boolean, source: n.data('evidence') as string | null,
      x: Math.round(n.position('x') * 10) / 10, y: Math.round(n.position('y') * 10) / 10,
    }));
  }

  edges(): DrawnEdge[] {
    return this.cy.edges().map((e) => ({
      id: e.id(), from: e.data('source') as string, to: e.data('target') as string, kind: e.data('kind') as string,
      label: e.data('relLabel') as string, year: e.data('year') as number | null,
      synthetic: e.data('synthetic') as boolean, source: e.data('evidence') as string | null,
    }));
  }
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}
