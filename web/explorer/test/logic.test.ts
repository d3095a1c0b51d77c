// Unit tests of the explorer's pure logic (npm test; make explorer-check):
// the URL round trip, chain sentences, the table's fallbacks, the exports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardQuery, type Chain, type GNode } from '../src/api';
import { edgeId } from '../src/canvas';
import { edgesCSV, nodesCSV, toGEXF, toGraphML, type ViewData } from '../src/exporters';
import { pickLang } from '../src/i18n';
import { chainIsFact, chainSentence } from '../src/sentences';
import { emptyView, parseView, viewQuery } from '../src/state';
import { nodeStyle, nodeTypes, relationKinds, relationLabel, relationYear } from '../src/table';

const node = (id: string, name: string, __typename = 'Enterprise', nameEn: string | null = null): GNode =>
  ({ __typename, id, name, nameEn, synthetic: false });

test('a view survives the URL', () => {
  const v = emptyView();
  v.mode = 'connect';
  v.expanded = [{ id: 'ent-kehe-seed', depth: 2 }, { id: 'a b&c', depth: 1 }];
  v.added = ['res-kehe-8'];
  v.selected = 'ent-kehe-seed';
  v.from = 'ent-kehe-seed';
  v.to = 'uni-caas-grassland';
  v.filters = { rels: ['MEMBERSHIP', 'COLLABORATION'], since: 2010, until: 2020, facts: true, hops: 3, size: 1000 };
  assert.deepEqual(parseView(viewQuery(v, null)), v);
  assert.equal(viewQuery(emptyView(), null), '');
});

test('bad URL values fall back to the defaults', () => {
  const v = parseView('?mode=evil&hops=99&since=abc&until=3000&size=7&x=n~9&rel=MEMBERSHIP,drop%20table');
  assert.equal(v.mode, 'explore');
  assert.equal(v.filters.hops, 4);
  assert.equal(v.filters.since, null);
  assert.equal(v.filters.until, null);
  assert.equal(v.filters.size, 200);
  assert.deepEqual(v.expanded, [{ id: 'n', depth: 1 }]);
  assert.deepEqual(v.filters.rels, ['MEMBERSHIP']);
});

test('the language follows the browser unless the URL says', () => {
  assert.equal(pickLang('', ['zh-CN', 'en']), 'zh');
  assert.equal(pickLang('', ['de', 'en-GB', 'zh']), 'en');
  assert.equal(pickLang('?lang=zh', ['en']), 'zh');
  assert.equal(pickLang('', []), 'en');
});

const chain: Chain = {
  length: 2,
  start: node('ent-taiyangshen', '太阳神花北京科技'),
  steps: [
    { kind: 'MEMBERSHIP', direction: 'FORWARD', node: node('all-sunflower', '向日葵产业技术创新战略联盟', 'Alliance', 'Sunflower Alliance'),
      relationship: { role: 'CHAIR', since: 2015, source: 'doc.txt', synthetic: false } },
    { kind: 'MEMBERSHIP', direction: 'BACKWARD', node: node('ent-kehe-seed', '科河种业'),
      relationship: { role: 'MEMBER', source: 'illustrative', synthetic: true } },
  ],
};

test('a chain reads as a sentence in the user language, arrows the stored way', () => {
  assert.equal(chainSentence(chain, 'zh'), '太阳神花北京科技 —理事长单位→ 向日葵产业技术创新战略联盟 ←成员单位— 科河种业');
  assert.equal(chainSentence(chain, 'en'), '太阳神花北京科技 —chair unit of→ Sunflower Alliance ←member of— 科河种业');
  assert.equal(chainIsFact(chain), false);
  assert.equal(chainIsFact({ ...chain, steps: chain.steps.slice(0, 1) }), true);
});

test('unknown types and kinds get the generic style and their API names', () => {
  assert.equal(nodeStyle('Spaceship').label.zh, 'Spaceship');
  assert.equal(nodeStyle('Spaceship').shape, 'rectangle');
  assert.equal(relationLabel('WORKS_AT', { role: 'CHAIR' }, 'zh'), 'WORKS_AT');
  assert.equal(relationLabel('MEMBERSHIP', { role: 'NEW_ROLE' }, 'en'), 'member of');
  assert.equal(relationLabel('LOCATION', { graduated: true }, 'zh'), '毕业于');
  assert.equal(relationYear('DEVELOPMENT', { year: 2011 }), 2011);
  assert.equal(relationYear('WORKS_AT', { year: 2011 }), undefined);
});

const data: ViewData = {
  nodes: [
    { id: 'a"<&>', name: '甲, "乙"', type: 'Enterprise', synthetic: false, source: null, x: 1, y: 2 },
    { id: 'b', name: 'B', type: 'Park', synthetic: true, source: 'illustrative', x: 3, y: 4 },
  ],
  edges: [{ id: 'e1', from: 'a"<&>', to: 'b', kind: 'LOCATION', label: '位于', year: null, synthetic: true, source: 'x\ny' }],
};

test('exports escape what they carry', () => {
  assert.equal(nodesCSV(data).split('\r\n')[1], '"a""<&>","甲, ""乙""",Enterprise,false,,1,2');
  assert.match(edgesCSV(data), /,"x\ny"\r\n$/);
  for (const doc of [toGraphML(data), toGEXF(data)]) {
    assert.ok(doc.includes('a&#34;&#60;&#38;&#62;'));
    assert.ok(!doc.includes('a"<&>'));
    assert.equal((doc.match(/<node /g) ?? []).length, 2);
    assert.equal((doc.match(/<edge /g) ?? []).length, 1);
  }
});

test('the actors of issue 14 have styles and labels of their own', () => {
  for (const [type, zh] of [['Person', '人员'], ['Intermediary', '中介服务机构'], ['Project', '科技项目'], ['Demand', '技术需求']]) {
    assert.equal(nodeStyle(type).label.zh, zh);
    assert.notEqual(nodeStyle(type).shape, 'rectangle');
  }
  const looks = Object.values(nodeTypes).map((s) => `${s.color} ${s.shape}`);
  assert.equal(new Set(looks).size, looks.length, 'every type looks different');
  for (const k of ['AFFILIATION', 'SERVICE', 'PARTICIPATION', 'OUTPUT', 'POSTING', 'MATCH', 'BROKERAGE']) {
    assert.ok(relationKinds[k], k);
    assert.notEqual(relationLabel(k, {}, 'en'), k);
  }
  assert.equal(relationLabel('SERVICE', { serviceKind: 'ACADEMICIAN_WORKSTATION' }, 'zh'), '院士专家工作站');
  assert.equal(relationLabel('MATCH', { stage: 'CONTRACTED' }, 'en'), 'contracted match with');
  assert.equal(relationLabel('PARTICIPATION', { projectRole: 'LEAD' }, 'zh'), '牵头承担');
  assert.equal(relationYear('POSTING', { year: 2021 }), 2021);
});

test('a card asks for its type only, and defines exactly the fragments it spreads', () => {
  for (const type of [...Object.keys(nodeTypes), 'Spaceship']) {
    const q = cardQuery(type);
    const defined = [...q.matchAll(/fragment (\w+)/g)].map((m) => m[1]).sort();
    const spread = [...new Set([...q.matchAll(/\.\.\.(\w+)/g)].map((m) => m[1]))].sort();
    assert.deepEqual(defined, spread, type);
    for (const other of Object.keys(nodeTypes)) {
      if (other !== type) assert.ok(!q.includes(`... on ${other} `), `${type} card asks for ${other}`);
    }
  }
  assert.match(cardQuery('Demand'), /matches\(first: 10\) \{ \.\.\.MatchC \}/);
});

test('an actor edge is the same edge whether a network (without its detail) or a chain drew it', () => {
  assert.equal(edgeId('SERVICE', 'imd-1', 'ent-1', {}), edgeId('SERVICE', 'imd-1', 'ent-1', { serviceKind: 'BROKERAGE' }));
  assert.equal(edgeId('MATCH', 'dem-1', 'res-1', { synthetic: true }), edgeId('MATCH', 'dem-1', 'res-1', { stage: 'AGREED' }));
  assert.notEqual(edgeId('TRANSFER', 'res-1', 'ent-1', { mode: 'LICENCE' }), edgeId('TRANSFER', 'res-1', 'ent-1', { mode: 'EQUITY' }));
});
