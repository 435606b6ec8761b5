/**
 * Pure rules of the public lookup: what the public reads about a list entry.
 */
import { LIST_GROUND_LABELS } from '../../../../contracts/credit-lists.js';
import { entityDictLabel } from '../../../../contracts/entity-dicts.js';

/**
 * Why an entity is on a list, in words (the public lookup and the credit report): the Order 44 /
 * Order 101 ground, with the officer's explanation when there is one; the penalty types of a
 * publication; a red or black round's stored reason, else its `grade:AA` / `list:…` code in words.
 * Codes are never shown: an unknown one (older or imported data) gives way to the explanation.
 */
export function groundsInWords(e: { list: string; grounds: string; groundsText: string | null }): string {
  if (e.list === 'red' || e.list === 'black') return e.groundsText ?? codeInWords(e.grounds) ?? e.grounds;
  if (e.list === 'penalty-publication') {
    const types = e.grounds.split(/[+,]/).filter(Boolean).map((t) => entityDictLabel('ent_penalty_type', t));
    return types.length > 0 ? types.join('、') : (e.groundsText ?? e.grounds);
  }
  const ground = (LIST_GROUND_LABELS as Record<string, readonly [string, string]>)[e.grounds]?.[0];
  if (!ground) return e.groundsText ?? e.grounds;
  return e.groundsText ? `${ground}：${e.groundsText}` : ground;
}

function codeInWords(code: string): string | null {
  const [kind, value] = code.split(':');
  if (!value) return null;
  if (kind === 'grade') return `质量信用等级 ${value}`;
  if (kind === 'list') return `列入${entityDictLabel('credit_list', value)}`;
  return null;
}
