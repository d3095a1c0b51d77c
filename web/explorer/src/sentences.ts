// Chains as sentences in the user's language:
//   太阳神花北京科技 —理事长单位→ 向日葵产业技术创新战略联盟
// A step stored against the reading order reads ←label—.
import type { Chain, GNode } from './api';
import { relationLabel, relationYear, type Lang } from './table';

export interface SentencePart { node?: GNode; arrow?: string; evidence?: Evidence }
export interface Evidence { label: string; year?: number; source: string | null; synthetic: boolean }

export function nodeName(n: GNode, lang: Lang): string {
  return lang === 'en' && n.nameEn ? n.nameEn : n.name;
}

export function chainParts(c: Chain, lang: Lang): SentencePart[] {
  const parts: SentencePart[] = [{ node: c.start }];
  for (const s of c.steps) {
    const label = relationLabel(s.kind, s.relationship, lang);
    const arrow = s.direction === 'FORWARD' ? ` —${label}→ ` : ` ←${label}— `;
    parts.push({
      arrow,
      evidence: {
        label, year: relationYear(s.kind, s.relationship),
        source: s.relationship.source ?? null, synthetic: s.relationship.synthetic === true,
      },
    });
    parts.push({ node: s.node });
  }
  return parts;
}

export function chainSentence(c: Chain, lang: Lang): string {
  return chainParts(c, lang).map((p) => (p.node ? nodeName(p.node, lang) : p.arrow)).join('');
}

export function chainIsFact(c: Chain): boolean {
  return c.steps.every((s) => s.relationship.synthetic !== true && !s.node.synthetic) && !c.start.synthetic;
}
