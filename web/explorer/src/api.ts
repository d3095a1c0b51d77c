// The explorer's client of the public GraphQL API (/query, same origin):
// the queries it sends and the shapes of their answers.

export interface GNode {
  __typename: string;
  id: string;
  name: string;
  nameEn?: string | null;
  synthetic: boolean;
  source?: string | null;
  [field: string]: unknown;
}

// A relationship's properties, as the fragment Rel names them.
export type RelProps = Record<string, unknown> & { __typename?: string; source?: string | null; synthetic?: boolean };

export interface ChainStep { kind: string; direction: 'FORWARD' | 'BACKWARD'; node: GNode; relationship: RelProps }
export interface Chain { length: number; start: GNode; steps: ChainStep[] }
export interface ChainAnswer {
  chains: Chain[]; exhausted: boolean; truncated: boolean; maxHops: number;
  skippedHubs: GNode[]; skippedHubsTruncated: boolean;
}
export interface NetworkEdge { kind: string; fromId: string; toId: string; relationship: RelProps }
export interface Network {
  nodes: { distance: number; node: GNode }[]; edges: NetworkEdge[];
  truncated: boolean; edgesTruncated: boolean; hubs: { id: string }[];
}
export interface Trail {
  result: GNode;
  developers: (RelProps & { developer: GNode })[];
  projects: (RelProps & { project: GNode })[];
  transfers: {
    transfer: RelProps & { enterprise: GNode; broker: GNode | null };
    parks: (RelProps & { park: GNode })[]; alliances: (RelProps & { alliance: GNode })[];
  }[];
  truncated: boolean;
}
export interface Suggestion {
  node: GNode; score: number; truncated: boolean;
  reasons: { kind: string; weight: number; field?: string | null; via?: GNode | null; chain?: Chain | null }[];
}

// What the filters pass to chain and network.
export interface Filters {
  rels: string[] | null; since: number | null; until: number | null; facts: boolean; hops: number;
  size: number; // nodes of a network at most
}

const N = `fragment N on Node { __typename id name nameEn synthetic source }`;
// What the sentences need of a relationship: the property of its finer
// label, its year, its evidence.
const Rel = `fragment Rel on Relationship {
  ... on Membership { role since source synthetic }
  ... on Location { since graduated source synthetic }
  ... on Development { devRole: role year source synthetic }
  ... on Transfer { mode year source synthetic }
  ... on Collaboration { collabKind: kind since source synthetic }
  ... on Affiliation { affRole: role since source synthetic }
  ... on Service { serviceKind: kind since source synthetic }
  ... on Participation { projectRole: role source synthetic }
  ... on Output { year source synthetic }
  ... on Posting { year source synthetic }
  ... on Match { stage year source synthetic }
  ... on Brokerage { year source synthetic }
}`;
// What a network's drawing needs of a relationship, kept within the price
// of a network (see maxEdges): whether it is illustrative, and for the
// first five kinds the finer label and the year. gqlgen prices every
// fragment of the union, so each property here costs 1,000 at the largest
// size; the evidence (source) and the actors' finer labels are read where
// they are shown: the card, the chains, the trail (and the actors' edges
// are told apart by their ends, table.ts byEnds).
const RelDraw = `fragment RelDraw on Relationship {
  ... on Membership { role since synthetic }
  ... on Location { since graduated synthetic }
  ... on Development { devRole: role year synthetic }
  ... on Transfer { mode year synthetic }
  ... on Collaboration { collabKind: kind since synthetic }
  ... on Affiliation { synthetic }
  ... on Service { synthetic }
  ... on Participation { synthetic }
  ... on Output { synthetic }
  ... on Posting { synthetic }
  ... on Match { synthetic }
  ... on Brokerage { synthetic }
}`;
const ChainF = `fragment ChainF on Chain { length start { ...N } steps { kind direction node { ...N } relationship { ...Rel } } }`;

export class APIError extends Error {}

async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch('/query', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T; errors?: { message: string }[] };
  try {
    body = await res.json();
  } catch {
    throw new APIError(`HTTP ${res.status}`);
  }
  if (body.errors?.length) throw new APIError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new APIError(`HTTP ${res.status}`);
  return body.data;
}

export async function search(q: string, types: string[] | null): Promise<{ score: number; node: GNode }[]> {
  const d = await gql<{ search: { edges: { node: { score: number; node: GNode } }[] } }>(
    `query Search($q: String!, $types: [NodeKind!]) {
      search(query: $q, types: $types, first: 20) { edges { node { score node { ...N region } } } }
    } ${N}`, { q, types });
  return d.search.edges.map((e) => e.node);
}

// The card's fields and relationship lists, by type: each list a
// connection whose items name the other end; the card shows any connection
// the answer has. A card asks only for its node's type, so that the
// document stays under INNOGRAPH_MAX_HEIGHT (300 fields, every fragment
// spread counted) with all nine types' lists.
const orgActors = `people(first: 10) { ...AffC } servedBy(first: 10) { ...SvcC } projects(first: 10) { ...PartC }
  demands(first: 10) { ...PostC } matchedDemands(first: 10) { ...MatchC }`;
const actorLists = `serves(first: 10) { ...SvcC } projects(first: 10) { ...PartC }
  matchedDemands(first: 10) { ...MatchC } brokered(first: 10) { ...BrokC }`;
const cardFields: Record<string, string> = {
  Enterprise: `industry creditCode founded certifications
    alliances(first: 10) { ...MemberC } parks(first: 10) { ...LocC } developedResults(first: 10) { ...DevC }
    acquiredResults(first: 10) { ...TransC } collaborators(first: 10) { ...CollC } ${orgActors}`,
  University: `uniKind: kind field alliances(first: 10) { ...MemberC } parks(first: 10) { ...LocC }
    developedResults(first: 10) { ...DevC } collaborators(first: 10) { ...CollC } ${orgActors}`,
  Alliance: 'level industry founded members(first: 10) { ...MemberC } people(first: 10) { ...AffC }',
  Park: `parkKind: kind level industry founded tenants(first: 10) { ...LocC } parents(first: 10) { ...LocC }
    people(first: 10) { ...AffC } servedBy(first: 10) { ...SvcC } demands(first: 10) { ...PostC }`,
  Result: `resultKind: kind year field developers(first: 10) { ...DevC } transfers(first: 10) { ...TransC }
    projects(first: 10) { ...OutC } matchedDemands(first: 10) { ...MatchC } brokers(first: 10) { ...BrokC }`,
  Person: `roles title field affiliations(first: 10) { ...AffC } ${actorLists}`,
  Intermediary: `imdKind: kind level people(first: 10) { ...AffC } ${actorLists}`,
  Project: `programme level year funding projectStatus: status
    participants(first: 10) { ...PartC } outputs(first: 10) { ...OutC }`,
  Demand: `field description year budget demandStatus: status
    postedBy(first: 10) { ...PostC } matches(first: 10) { ...MatchC }`,
};
// Items name both ends in a small form; the card shows the end that is not
// the node.
const cardFragments: Record<string, string> = {
  E: 'fragment E on Node { __typename id name nameEn }',
  MemberC: 'fragment MemberC on MembershipConnection { totalCount edges { node { kind: __typename role since synthetic member { ...E } alliance { ...E } } } }',
  LocC: 'fragment LocC on LocationConnection { totalCount edges { node { kind: __typename since graduated synthetic tenant { ...E } park { ...E } } } }',
  DevC: 'fragment DevC on DevelopmentConnection { totalCount edges { node { kind: __typename devRole: role year synthetic developer { ...E } result { ...E } } } }',
  TransC: 'fragment TransC on TransferConnection { totalCount edges { node { kind: __typename mode year synthetic result { ...E } enterprise { ...E } } } }',
  CollC: 'fragment CollC on CollaborationConnection { totalCount edges { node { kind: __typename collabKind: kind since synthetic partner { ...E } } } }',
  AffC: 'fragment AffC on AffiliationConnection { totalCount edges { node { kind: __typename affRole: role since synthetic person { ...E } organisation { ...E } } } }',
  SvcC: 'fragment SvcC on ServiceConnection { totalCount edges { node { kind: __typename serviceKind: kind since synthetic provider { ...E } client { ...E } } } }',
  PartC: 'fragment PartC on ParticipationConnection { totalCount edges { node { kind: __typename projectRole: role synthetic participant { ...E } project { ...E } } } }',
  OutC: 'fragment OutC on OutputConnection { totalCount edges { node { kind: __typename year synthetic project { ...E } result { ...E } } } }',
  PostC: 'fragment PostC on PostingConnection { totalCount edges { node { kind: __typename year synthetic poster { ...E } demand { ...E } } } }',
  MatchC: 'fragment MatchC on MatchConnection { totalCount edges { node { kind: __typename stage year synthetic demand { ...E } target { ...E } } } }',
  BrokC: 'fragment BrokC on BrokerageConnection { totalCount edges { node { kind: __typename year synthetic broker { ...E } result { ...E } } } }',
};

// cardQuery is the card's document for a node of the given type: its
// fields and lists, and the fragments they use (a type the explorer does
// not know gets the common fields only).
export function cardQuery(typename: string): string {
  const fields = cardFields[typename] ?? '';
  const used = new Set<string>();
  const spread = /\.\.\.(\w+)/g;
  for (const m of fields.matchAll(spread)) used.add(m[1]);
  if (used.size > 0) used.add('E');
  const fragments = [...used].filter((f) => f !== 'N').map((f) => cardFragments[f]).join('\n');
  const typed = fields ? `... on ${typename} { ${fields} }` : '';
  return `query Card($id: ID!) { node(id: $id) { ...N aliases region ${typed} } } ${N} ${fragments}`;
}

// card reads a node's card: its type first, then what that type shows.
export async function card(id: string): Promise<GNode | null> {
  const t = await gql<{ node: { __typename: string } | null }>('query Type($id: ID!) { node(id: $id) { __typename } }', { id });
  if (!t.node) return null;
  const d = await gql<{ node: GNode | null }>(cardQuery(t.node.__typename), { id });
  return d.node;
}

// relationshipCounts sums each node's relationship lists, for hubs that
// are drawn but not expanded: 50 nodes a request, counts only.
const C = '{ totalCount edges { cursor } }';
const count = (lists: string) => lists.split(' ').map((l) => `${l}(first: 1) ${C}`).join(' ');
const countLists = `
  ... on Enterprise { ${count('alliances parks developedResults acquiredResults collaborators people servedBy projects demands matchedDemands')} }
  ... on University { ${count('alliances parks developedResults collaborators people servedBy projects demands matchedDemands')} }
  ... on Alliance { ${count('members people')} }
  ... on Park { ${count('tenants parents people servedBy demands')} }
  ... on Result { ${count('developers transfers projects matchedDemands brokers')} }
  ... on Person { ${count('affiliations serves projects matchedDemands brokered')} }
  ... on Intermediary { ${count('people serves projects matchedDemands brokered')} }
  ... on Project { ${count('participants outputs')} }
  ... on Demand { ${count('postedBy matches')} }`;

export async function relationshipCounts(ids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 50) {
    const d = await gql<{ nodes: (GNode | null)[] }>(
      `query Counts($ids: [ID!]!) { nodes(ids: $ids) { id ${countLists} } }`, { ids: ids.slice(i, i + 50) });
    for (const n of d.nodes) if (n) out.set(n.id, connections(n).reduce((s, [, c]) => s + c.totalCount, 0));
  }
  return out;
}

export interface Connection { totalCount: number; edges: { node: Record<string, unknown> }[] }

// connections lists the relationship lists of a card answer, by field.
export function connections(n: GNode): [string, Connection][] {
  return Object.entries(n).filter((e): e is [string, Connection] => {
    const v = e[1] as Connection | null;
    return typeof v === 'object' && v !== null && typeof v.totalCount === 'number' && Array.isArray(v.edges);
  });
}

// A network is priced by the larger of its caps (graph/complexity.go):
// 1,000 relationships, and up to 1,000 nodes, stay under the default
// complexity limit (50,000) with this selection.
const maxEdges = 1000;

export async function network(id: string, depth: number, f: Filters): Promise<Network> {
  const d = await gql<{ network: Network }>(
    `query Net($id: ID!, $depth: Int, $rels: [RelationKind!], $since: Int, $until: Int, $maxNodes: Int, $maxEdges: Int) {
      network(id: $id, depth: $depth, relationships: $rels, since: $since, until: $until, maxNodes: $maxNodes, maxEdges: $maxEdges) {
        truncated edgesTruncated hubs { id }
        nodes { distance node { ...N } }
        edges { kind fromId toId relationship { ...RelDraw } }
      }
    } ${N} ${RelDraw}`, { id, depth, rels: f.rels, since: f.since, until: f.until, maxNodes: f.size, maxEdges });
  return d.network;
}

export async function chain(from: string, to: string, f: Filters, first: number): Promise<ChainAnswer> {
  const d = await gql<{ chain: ChainAnswer }>(
    `query Chain($from: ID!, $to: ID!, $hops: Int, $rels: [RelationKind!], $since: Int, $until: Int, $first: Int) {
      chain(from: $from, to: $to, maxHops: $hops, relationships: $rels, since: $since, until: $until, first: $first) {
        exhausted truncated maxHops skippedHubs { ...N } skippedHubsTruncated
        chains { ...ChainF }
      }
    } ${N} ${Rel} ${ChainF}`, { from, to, hops: f.hops, rels: f.rels, since: f.since, until: f.until, first });
  return d.chain;
}

export async function resultTrail(id: string): Promise<Trail | null> {
  const d = await gql<{ resultTrail: Trail | null }>(
    `query Trail($id: ID!) {
      resultTrail(id: $id) {
        truncated result { ...N }
        developers { devRole: role year source synthetic developer { ...N } }
        projects { year source synthetic project { ...N } }
        transfers {
          transfer { mode year value source synthetic enterprise { ...N } broker { ...N } }
          parks { since until graduated source synthetic park { ...N } }
          alliances { role since source synthetic alliance { ...N } }
        }
      }
    } ${N}`, { id });
  return d.resultTrail;
}

export async function suggestPartners(id: string): Promise<Suggestion[]> {
  const d = await gql<{ suggestPartners: Suggestion[] | null }>(
    `query Partners($id: ID!) {
      suggestPartners(id: $id, first: 10) {
        score truncated node { ...N }
        reasons { kind weight field via { ...N } chain { ...ChainF } }
      }
    } ${N} ${Rel} ${ChainF}`, { id });
  return d.suggestPartners ?? [];
}
