// Interface text in Chinese and English. Chinese when the browser prefers
// it (the first of navigator.languages that is zh or en), or when the URL
// says lang=zh.
import type { Lang } from './table';

const text = {
  title: { zh: 'InnoGraph 图谱浏览', en: 'InnoGraph explorer' },
  playground: { zh: 'GraphQL 调试台', en: 'GraphQL playground' },
  searchLabel: { zh: '搜索名称或别名', en: 'Search names and aliases' },
  searchPlaceholder: { zh: '如：科河、草原研究所', en: 'e.g. 科河, grassland' },
  search: { zh: '搜索', en: 'Search' },
  allTypes: { zh: '全部类型', en: 'all types' },
  noHits: { zh: '没有找到匹配的节点。', en: 'Nothing matches.' },
  filters: { zh: '筛选（适用于所有视图）', en: 'Filters (every view)' },
  relKinds: { zh: '关系类型', en: 'Relationship kinds' },
  since: { zh: '起始年', en: 'From year' },
  until: { zh: '截止年', en: 'To year' },
  factsOnly: { zh: '仅显示事实（隐藏示意关系）', en: 'Facts only (hide illustrative links)' },
  maxHops: { zh: '最多步数', en: 'Maximum hops' },
  depth: { zh: '展开深度', en: 'Expand depth' },
  size: { zh: '每次展开最多节点', en: 'Nodes per expansion' },
  expand: { zh: '展开邻域', en: 'Expand neighbourhood' },
  connectFrom: { zh: '设为起点', en: 'Connect from here' },
  connectTo: { zh: '连接到此', en: 'Connect to here' },
  connect: { zh: '查找关系链', en: 'Find chains' },
  from: { zh: '起点', en: 'From' },
  to: { zh: '终点', en: 'To' },
  pickNode: { zh: '（从搜索或画布中选择）', en: '(pick from search or canvas)' },
  trail: { zh: '成果去向', en: 'Result trail' },
  partners: { zh: '推荐合作伙伴', en: 'Partner suggestions' },
  clear: { zh: '清空画布', en: 'Clear canvas' },
  fit: { zh: '适应窗口', en: 'Fit view' },
  exportLabel: { zh: '导出', en: 'Export' },
  fact: { zh: '事实', en: 'fact' },
  illustrative: { zh: '示意（非事实）', en: 'illustrative (not a fact)' },
  sourceDoc: { zh: '来源', en: 'source' },
  noSource: { zh: '无来源', en: 'no source' },
  relationships: { zh: '关系', en: 'Relationships' },
  more: { zh: '还有 {n} 条', en: '{n} more' },
  addToCanvas: { zh: '加入画布', en: 'Add to canvas' },
  open: { zh: '打开', en: 'Open' },
  chainsFound: { zh: '{n} 条 {hops} 步以内的关系链（最短的在前）：', en: '{n} chain(s) within {hops} hops, shortest first:' },
  noChain: { zh: '{hops} 步以内没有关系链。', en: 'No chain within {hops} hops.' },
  notExhausted: { zh: '没有找到关系链，但搜索未穷尽（有枢纽节点被跳过）。', en: 'No chain found, but the search was not exhaustive (hubs were skipped).' },
  moreChains: { zh: '还有更多关系链：只显示了前 {n} 条。', en: 'More chains exist: only the first {n} are shown.' },
  hiddenChains: { zh: '{n} 条经过示意关系的链已隐藏（仅显示事实）。', en: '{n} chain(s) through illustrative links hidden (facts only).' },
  skippedHubs: { zh: '未经过的枢纽节点：{names}', en: 'Hubs not passed through: {names}' },
  step: { zh: '第 {n} 步', en: 'step {n}' },
  notExpanded: { zh: '未展开 — {n} 条关系', en: 'not expanded — {n} relationships' },
  truncated: { zh: '邻域超过 {n} 个节点，只画了最近的 {n} 个。', en: 'The neighbourhood has more than {n} nodes; the nearest {n} are drawn.' },
  edgesTruncated: { zh: '这些节点之间还有更多关系，只画了离中心最近的 1000 条。', en: 'More relationships join these nodes; the 1,000 nearest the centre are drawn.' },
  trailTitle: { zh: '{name} 的去向：研发单位、项目 → 转移（及经纪方）→ 受让企业及其园区、联盟', en: 'Where {name} went: developers and projects → transfers (and their brokers) → adopters and their parks and alliances' },
  noTransfers: { zh: '尚未转移（待转化）。', en: 'Not transferred yet.' },
  brokeredBy: { zh: '经纪方', en: 'brokered by' },
  partnersTitle: { zh: '{name} 的推荐合作伙伴（按得分）：', en: 'Suggested partners of {name}, best first:' },
  noPartners: { zh: '没有推荐。', en: 'No suggestions.' },
  score: { zh: '得分', en: 'score' },
  loading: { zh: '加载中…', en: 'Loading…' },
  error: { zh: '出错了：{msg}', en: 'Error: {msg}' },
  empty: { zh: '搜索一个节点开始浏览，例如“科河”。', en: 'Search for a node to start, e.g. “科河”.' },
  counts: { zh: '画布上 {n} 个节点、{e} 条关系', en: '{n} nodes and {e} relationships drawn' },
  dashedIllustrative: { zh: '虚线：示意关系', en: 'dashed: illustrative link' },
  language: { zh: 'English', en: '中文' },
  share: { zh: '地址栏中的链接可复现当前视图。', en: 'The address bar link reproduces this view.' },
} satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof text;

export function pickLang(search: string, languages: readonly string[]): Lang {
  const forced = new URLSearchParams(search).get('lang');
  if (forced === 'zh' || forced === 'en') return forced;
  for (const l of languages) {
    const p = l.toLowerCase();
    if (p.startsWith('zh')) return 'zh';
    if (p.startsWith('en')) return 'en';
  }
  return 'en';
}

export let lang: Lang = 'en';
export function setLang(l: Lang): void { lang = l; }

export function t(key: TextKey, vars: Record<string, string | number> = {}): string {
  return text[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
