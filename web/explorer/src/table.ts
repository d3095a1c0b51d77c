// The one table of what the explorer draws: node types and relationship
// kinds with their colours, shapes and labels in both languages, and the
// labels of enum values. A type or kind the table does not know (added to
// the schema later) is drawn with the generic style and named as the API
// names it, so the page keeps working.

export type Lang = 'zh' | 'en';
export interface Label { zh: string; en: string }

export interface NodeStyle {
  label: Label;
  color: string;
  shape: 'ellipse' | 'round-rectangle' | 'hexagon' | 'diamond' | 'triangle' | 'star' | 'octagon' | 'pentagon' | 'tag' | 'rectangle';
  kind?: string; // the NodeKind of search filters, when the API has one
}

export const nodeTypes: Record<string, NodeStyle> = {
  Enterprise: { label: { zh: '企业', en: 'Enterprise' }, color: '#2563eb', shape: 'ellipse', kind: 'ENTERPRISE' },
  University: { label: { zh: '高校院所', en: 'University / institute' }, color: '#16a34a', shape: 'round-rectangle', kind: 'UNIVERSITY' },
  Alliance: { label: { zh: '联盟', en: 'Alliance' }, color: '#d97706', shape: 'hexagon', kind: 'ALLIANCE' },
  Park: { label: { zh: '园区', en: 'Park' }, color: '#7c3aed', shape: 'diamond', kind: 'PARK' },
  Result: { label: { zh: '科技成果', en: 'Result' }, color: '#dc2626', shape: 'triangle', kind: 'RESULT' },
  Person: { label: { zh: '人员', en: 'Person' }, color: '#db2777', shape: 'star', kind: 'PERSON' },
  Intermediary: { label: { zh: '中介服务机构', en: 'Intermediary' }, color: '#0d9488', shape: 'octagon', kind: 'INTERMEDIARY' },
  Project: { label: { zh: '科技项目', en: 'Project' }, color: '#a16207', shape: 'pentagon', kind: 'PROJECT' },
  Demand: { label: { zh: '技术需求', en: 'Demand' }, color: '#0284c7', shape: 'tag', kind: 'DEMAND' },
};

export const genericNode: NodeStyle = { label: { zh: '其他', en: 'Other' }, color: '#64748b', shape: 'rectangle' };

export function nodeStyle(typename: string): NodeStyle {
  return nodeTypes[typename] ?? { ...genericNode, label: { zh: typename, en: typename } };
}

// A relationship kind: its colour, its label when nothing finer is known,
// and optionally a property (as the explorer's queries name it) whose value
// gives a finer label, read from the stored start to the stored end.
export interface RelationStyle {
  label: Label;
  color: string;
  detail?: string;
  details?: Record<string, Label>;
  year?: string; // the property holding the relationship's year
  // The drawing tells two relationships of a kind between the same ends
  // apart by the detail property, unless byEnds: the actors' kinds come
  // without it in networks (api.ts, RelDraw), so their edges are one per
  // kind and pair of ends whichever view drew them first.
  byEnds?: boolean;
}

export const relationKinds: Record<string, RelationStyle> = {
  MEMBERSHIP: {
    label: { zh: '成员单位', en: 'member of' }, color: '#d97706', detail: 'role', year: 'since',
    details: {
      CHAIR: { zh: '理事长单位', en: 'chair unit of' },
      VICE_CHAIR: { zh: '副理事长单位', en: 'vice-chair unit of' },
      SECRETARIAT: { zh: '秘书处单位', en: 'secretariat of' },
      MEMBER: { zh: '成员单位', en: 'member of' },
    },
  },
  LOCATION: {
    label: { zh: '位于', en: 'located in' }, color: '#7c3aed', detail: 'graduated', year: 'since',
    details: { true: { zh: '毕业于', en: 'graduated from' }, false: { zh: '位于', en: 'located in' } },
  },
  DEVELOPMENT: {
    label: { zh: '研发', en: 'developed' }, color: '#dc2626', detail: 'devRole', year: 'year',
    details: {
      LEAD: { zh: '牵头研发', en: 'led the development of' },
      PARTICIPANT: { zh: '参与研发', en: 'took part in developing' },
    },
  },
  TRANSFER: {
    label: { zh: '转移给', en: 'transferred to' }, color: '#0891b2', detail: 'mode', year: 'year',
    details: {
      ASSIGNMENT: { zh: '转让给', en: 'assigned to' },
      LICENCE: { zh: '许可给', en: 'licensed to' },
      EQUITY: { zh: '作价入股', en: 'contributed as equity to' },
      JOINT: { zh: '联合转化', en: 'jointly transferred to' },
    },
  },
  COLLABORATION: {
    label: { zh: '合作', en: 'collaborates with' }, color: '#2563eb', detail: 'collabKind', year: 'since',
    details: {
      JOINT_LAB: { zh: '共建实验室', en: 'joint lab with' },
      JOINT_PROJECT: { zh: '合作项目', en: 'joint project with' },
      RD_CENTER: { zh: '共建研发中心', en: 'joint R&D centre with' },
      ACADEMICIAN_WORKSTATION: { zh: '院士专家工作站', en: 'academician workstation with' },
      TECHNICAL_SERVICE: { zh: '技术服务', en: 'technical service for' },
      OTHER: { zh: '合作', en: 'collaborates with' },
    },
  },
  AFFILIATION: { label: { zh: '任职于', en: 'works at' }, color: '#db2777', year: 'since' },
  SERVICE: {
    label: { zh: '服务', en: 'serves' }, color: '#0d9488', detail: 'serviceKind', year: 'since', byEnds: true,
    details: {
      TECH_COMMISSIONER: { zh: '科技特派员服务', en: 'tech commissioner for' },
      ACADEMICIAN_WORKSTATION: { zh: '院士专家工作站', en: 'academician workstation at' },
      BROKERAGE: { zh: '技术经纪服务', en: 'brokers for' },
      IP_TRUSTEESHIP: { zh: '知识产权托管', en: 'IP trustee of' },
      TECHNICAL_SERVICE: { zh: '技术服务', en: 'technical service for' },
      OTHER: { zh: '服务', en: 'serves' },
    },
  },
  PARTICIPATION: {
    label: { zh: '参与项目', en: 'takes part in' }, color: '#a16207', detail: 'projectRole', byEnds: true,
    details: {
      LEAD: { zh: '牵头承担', en: 'leads' },
      PARTICIPANT: { zh: '参与项目', en: 'takes part in' },
    },
  },
  OUTPUT: { label: { zh: '产出成果', en: 'produced' }, color: '#b91c1c', year: 'year' },
  POSTING: { label: { zh: '发布需求', en: 'posted' }, color: '#0284c7', year: 'year' },
  MATCH: {
    label: { zh: '供需对接', en: 'matched with' }, color: '#65a30d', detail: 'stage', year: 'year', byEnds: true,
    details: {
      PROPOSED: { zh: '拟对接', en: 'proposed match with' },
      AGREED: { zh: '达成对接', en: 'agreed match with' },
      CONTRACTED: { zh: '签约对接', en: 'contracted match with' },
    },
  },
  BROKERAGE: { label: { zh: '促成转移', en: 'brokered the transfer of' }, color: '#0f766e', year: 'year' },
};

export const genericRelation: RelationStyle = { label: { zh: '关联', en: 'related to' }, color: '#64748b' };

export function relationStyle(kind: string): RelationStyle {
  return relationKinds[kind] ?? { ...genericRelation, label: { zh: kind, en: kind } };
}

// relationLabel names a relationship by its finest known label.
export function relationLabel(kind: string, props: Record<string, unknown>, lang: Lang): string {
  const s = relationStyle(kind);
  const v = s.detail === undefined ? undefined : props[s.detail];
  const fine = v === undefined || v === null ? undefined : s.details?.[String(v)];
  return (fine ?? s.label)[lang];
}

export function relationYear(kind: string, props: Record<string, unknown>): number | undefined {
  const y = relationStyle(kind).year;
  const v = y === undefined ? undefined : props[y];
  return typeof v === 'number' ? v : undefined;
}

// Labels of enum values and of fields shown on a node's card; unknown ones
// are shown as the API spells them.
export const valueLabels: Record<string, Label> = {
  NATIONAL: { zh: '国家级', en: 'national' },
  PROVINCIAL: { zh: '省级 / 自治区级', en: 'provincial' },
  MUNICIPAL: { zh: '市级', en: 'municipal' },
  COUNTY: { zh: '县级', en: 'county' },
  HIGH_TECH: { zh: '高新技术企业', en: 'high-tech enterprise' },
  TECH_SME: { zh: '科技型中小企业', en: 'tech SME' },
  INNOVATIVE: { zh: '创新型企业', en: 'innovative enterprise' },
  TECH_CENTER: { zh: '企业技术中心', en: 'enterprise technology centre' },
  ENGINEERING_CENTER: { zh: '工程技术研究中心', en: 'engineering centre' },
  IP_TRUSTEESHIP: { zh: '知识产权托管', en: 'IP trusteeship' },
  SCIENCE_BRAND: { zh: '科技品牌', en: 'science brand' },
  UNIVERSITY: { zh: '大学', en: 'university' },
  COLLEGE: { zh: '学院', en: 'college' },
  RESEARCH_INSTITUTE: { zh: '科研院所', en: 'research institute' },
  HIGH_TECH_ZONE: { zh: '高新区', en: 'high-tech zone' },
  ECONOMIC_DEVELOPMENT_ZONE: { zh: '经济技术开发区', en: 'economic development zone' },
  SCIENCE_PARK: { zh: '科技园区', en: 'science park' },
  AGRICULTURAL_PARK: { zh: '农业科技园区', en: 'agricultural science park' },
  INDUSTRIAL_BASE: { zh: '高新技术产业基地', en: 'industrial base' },
  INCUBATOR: { zh: '科技企业孵化器', en: 'incubator' },
  MAKER_SPACE: { zh: '众创空间', en: 'maker space' },
  RETURNEE_PARK: { zh: '留学生创业园', en: 'returnee start-up park' },
  PATENT: { zh: '专利', en: 'patent' },
  TECHNOLOGY: { zh: '技术', en: 'technology' },
  PRODUCT: { zh: '新产品', en: 'product' },
  PLANT_VARIETY: { zh: '新品种', en: 'plant variety' },
  SOFTWARE: { zh: '软件', en: 'software' },
  STANDARD: { zh: '标准', en: 'standard' },
  OTHER: { zh: '其他', en: 'other' },
  ACADEMICIAN: { zh: '院士', en: 'academician' },
  EXPERT: { zh: '专家', en: 'expert' },
  RESEARCHER: { zh: '科研人员', en: 'researcher' },
  TECH_COMMISSIONER: { zh: '科技特派员', en: 'tech commissioner' },
  ENTREPRENEUR: { zh: '企业家', en: 'entrepreneur' },
  OFFICIAL: { zh: '管理人员', en: 'official' },
  TECHNOLOGY_MARKET: { zh: '技术市场', en: 'technology market' },
  TRANSFER_AGENCY: { zh: '技术转移机构', en: 'technology-transfer agency' },
  CONVERSION_CENTER: { zh: '成果转化中心', en: 'conversion centre' },
  PRODUCTIVITY_CENTER: { zh: '生产力促进中心', en: 'productivity-promotion centre' },
  IP_SERVICE: { zh: '知识产权服务机构', en: 'IP service' },
  SERVICE_PLATFORM: { zh: '公共服务平台', en: 'public service platform' },
  APPLIED: { zh: '申报', en: 'applied' },
  APPROVED: { zh: '获批', en: 'approved' },
  ONGOING: { zh: '在研', en: 'ongoing' },
  COMPLETED: { zh: '结题', en: 'completed' },
  OPEN: { zh: '待对接', en: 'open' },
  MATCHED: { zh: '已对接', en: 'matched' },
  SOLVED: { zh: '已解决', en: 'solved' },
};

export function valueLabel(v: unknown, lang: Lang): string {
  const s = String(v);
  return valueLabels[s]?.[lang] ?? s;
}

export const fieldLabels: Record<string, Label> = {
  nameEn: { zh: '英文名', en: 'English name' },
  aliases: { zh: '别名', en: 'aliases' },
  region: { zh: '地区', en: 'region' },
  industry: { zh: '行业', en: 'industry' },
  creditCode: { zh: '统一社会信用代码', en: 'credit code' },
  founded: { zh: '成立年份', en: 'founded' },
  certifications: { zh: '认定', en: 'certifications' },
  uniKind: { zh: '类别', en: 'kind' },
  parkKind: { zh: '类别', en: 'kind' },
  resultKind: { zh: '类别', en: 'kind' },
  level: { zh: '级别', en: 'level' },
  field: { zh: '领域', en: 'field' },
  year: { zh: '年份', en: 'year' },
  alliances: { zh: '所属联盟', en: 'alliances' },
  parks: { zh: '所在园区', en: 'parks' },
  developedResults: { zh: '研发的成果', en: 'developed results' },
  acquiredResults: { zh: '受让的成果', en: 'acquired results' },
  collaborators: { zh: '合作单位', en: 'collaborators' },
  members: { zh: '成员单位', en: 'members' },
  tenants: { zh: '入驻单位', en: 'tenants' },
  parents: { zh: '所属园区', en: 'parent parks' },
  developers: { zh: '研发单位', en: 'developers' },
  transfers: { zh: '转移转化', en: 'transfers' },
  roles: { zh: '身份', en: 'roles' },
  title: { zh: '职务 / 职称', en: 'title' },
  imdKind: { zh: '类别', en: 'kind' },
  programme: { zh: '计划类别', en: 'programme' },
  funding: { zh: '资助经费（万元）', en: 'funding (10,000 yuan)' },
  projectStatus: { zh: '状态', en: 'status' },
  demandStatus: { zh: '状态', en: 'status' },
  description: { zh: '需求描述', en: 'description' },
  budget: { zh: '预算（万元）', en: 'budget (10,000 yuan)' },
  affiliations: { zh: '任职单位', en: 'affiliations' },
  people: { zh: '人员', en: 'people' },
  serves: { zh: '服务对象', en: 'serves' },
  servedBy: { zh: '服务方', en: 'served by' },
  projects: { zh: '科技项目', en: 'projects' },
  participants: { zh: '承担单位和人员', en: 'participants' },
  outputs: { zh: '产出成果', en: 'outputs' },
  demands: { zh: '技术需求', en: 'demands' },
  postedBy: { zh: '发布方', en: 'posted by' },
  matches: { zh: '供需对接', en: 'matches' },
  matchedDemands: { zh: '对接的需求', en: 'matched demands' },
  brokered: { zh: '促成转移的成果', en: 'brokered' },
  brokers: { zh: '经纪方', en: 'brokers' },
};

export function fieldLabel(f: string, lang: Lang): string {
  return fieldLabels[f]?.[lang] ?? f;
}

// Why a partner is suggested (PartnerReasonKind).
export const reasonLabels: Record<string, Label> = {
  SHARED_ALLIANCE: { zh: '同属联盟', en: 'shared alliance' },
  SHARED_PARK: { zh: '同在园区', en: 'shared park' },
  PARTNER_OF_PARTNER: { zh: '合作伙伴的伙伴', en: 'partner of a partner' },
  SAME_FIELD: { zh: '相同领域', en: 'same field' },
  SHARED_PROJECT: { zh: '同一项目', en: 'shared project' },
  SHARED_EXPERT: { zh: '共同的专家', en: 'shared expert' },
  SHARED_INTERMEDIARY: { zh: '同一中介机构', en: 'shared intermediary' },
};
