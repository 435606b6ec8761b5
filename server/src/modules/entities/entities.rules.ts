/** Pure rules of the registry and the archive: flags, licence states, record titles, masking. */
import { ARCHIVE_PAYLOADS, type ArchiveKind } from '../../../../contracts/entities.js';
import { entityDictLabel } from '../../../../contracts/entity-dicts.js';
import { msg } from '../../../../contracts/i18n.js';

/** A licence expiring within this many days is shown as expiring (renewal takes about this long). */
export const LICENCE_EXPIRY_WARNING_DAYS = 90;

export function licenceState(l: { validUntil: string | null; revokedOn: string | null }, today: string): 'valid' | 'expiring' | 'expired' | 'revoked' {
  if (l.revokedOn) return 'revoked';
  if (!l.validUntil) return 'valid';
  if (l.validUntil < today) return 'expired';
  const warn = new Date(`${today}T00:00:00Z`);
  warn.setUTCDate(warn.getUTCDate() + LICENCE_EXPIRY_WARNING_DAYS);
  return l.validUntil <= warn.toISOString().slice(0, 10) ? 'expiring' : 'valid';
}

export interface FlagInput {
  scale: string | null;
  qualityOfficer: string | null;
  products: readonly { name: string; licenceRequired: boolean; cccRequired: boolean }[];
  licences: readonly { kind: string; validUntil: string | null; revokedOn: string | null }[];
}

export interface Flag {
  code: 'missing_officer' | 'missing_production_licence' | 'missing_ccc';
  message: string;
}

const holds = (licences: FlagInput['licences'], kinds: readonly string[], today: string) =>
  licences.some((l) => kinds.includes(l.kind) && ['valid', 'expiring'].includes(licenceState(l, today)));

/** A product "needing a licence" is covered by an industrial-product or a food production licence (SC). */
const PRODUCTION_LICENCE_KINDS = ['production_licence', 'food_production'] as const;

/**
 * What the registry flags about an entity. A 质量安全总监 is required of producers of licensed or CCC
 * products (SAMR Order 75 Art. 5); the issue asks to flag large and medium producers without one.
 * A product needing a licence or CCC without a valid one is the credit grade's veto item.
 */
export function entityFlags(e: FlagInput, today: string): Flag[] {
  const flags: Flag[] = [];
  const needsLicence = e.products.filter((p) => p.licenceRequired);
  const needsCcc = e.products.filter((p) => p.cccRequired);
  if ((needsLicence.length > 0 || needsCcc.length > 0) && (e.scale === 'large' || e.scale === 'medium') && !e.qualityOfficer) {
    flags.push({ code: 'missing_officer', message: msg('大中型生产企业生产许可证或CCC产品，未配备质量安全总监（市场监管总局令第75号第五条）', 'Large/medium producer of licensed or CCC products without a quality-safety director (SAMR Order 75 Art. 5)') });
  }
  if (needsLicence.length > 0 && !holds(e.licences, PRODUCTION_LICENCE_KINDS, today)) {
    flags.push({ code: 'missing_production_licence', message: msg(`产品「${needsLicence[0]!.name}」须取得生产许可证，但无有效证书`, `Product “${needsLicence[0]!.name}” needs a production licence; none is valid`) });
  }
  if (needsCcc.length > 0 && !holds(e.licences, ['ccc'], today)) {
    flags.push({ code: 'missing_ccc', message: msg(`产品「${needsCcc[0]!.name}」属强制性认证目录，但无有效CCC证书`, `Product “${needsCcc[0]!.name}” needs CCC; no valid certificate`) });
  }
  return flags;
}

const KIND_ZH: Record<ArchiveKind, string> = {
  inspection: '检查结果',
  sampling: '监督抽查',
  penalty: '行政处罚',
  complaint: '投诉处理',
  recall: '缺陷产品召回',
  award: '荣誉奖励',
  certification: '认证',
  self_declaration: '标准自我声明',
  commitment: '质量承诺',
  list_entry: '列入名单',
  list_removal: '移出名单',
  credit_repair: '信用修复',
  note: '监管备注',
};

/** A record's title when the writer gives none: kind plus the payload's most telling field. */
export function defaultRecordTitle(kind: ArchiveKind, payload: Record<string, unknown>): string {
  const p = payload as Record<string, string | string[] | undefined>;
  const listName = p.list === undefined ? undefined : entityDictLabel('credit_list', String(p.list));
  const detail: Partial<Record<ArchiveKind, string | undefined>> = {
    inspection: p.result === 'pass' ? '未发现问题' : p.result === 'fail' ? '不合格' : p.result === 'not_found' ? '未发现（无法联系）' : '发现问题',
    sampling: `${String(p.product ?? '')} ${p.result === 'pass' ? '合格' : '不合格'}`,
    penalty: String(p.decisionNo ?? ''),
    complaint: String(p.subject ?? ''),
    recall: String(p.product ?? ''),
    award: String(p.name ?? ''),
    certification: `${p.change === 'lost' ? '失去' : '取得'} ${String(p.name ?? '')}`,
    self_declaration: `${String(p.standardNo ?? '')} ${String(p.product ?? '')}`,
    commitment: undefined,
    // Which list: 列入名单 alone reads the same for the black list and the honour of the red one.
    list_entry: listName,
    list_removal: listName,
    note: undefined,
  };
  const d = detail[kind]?.trim();
  return (d ? `${KIND_ZH[kind]}：${d}` : KIND_ZH[kind]).slice(0, 300);
}

/** Validate a payload against its kind's schema; returns the parsed payload or the issues. */
export function parsePayload(kind: ArchiveKind, payload: unknown): { ok: true; value: Record<string, unknown> } | { ok: false; issues: string[] } {
  const r = ARCHIVE_PAYLOADS[kind].safeParse(payload);
  if (r.success) return { ok: true, value: r.data as Record<string, unknown> };
  return { ok: false, issues: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

/** 138****5678: staff lists show phone numbers masked unless the role edits the entity. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
