/**
 * Input use cases: the grid of figures entered per unit (expert, attainment and other scores;
 * bonus, deduction and veto entries), saving it, and the Excel template and import. An import is
 * checked as a whole first: any bad row and nothing is imported, every error named by row.
 */
import type { ImportResult } from '../../../../contracts/common.js';
import { isEnteredKind, type InputsResponse, type UnitInput, type UnitInputs } from '../../../../contracts/assessment.js';
import { msg, pickLang } from '../../../../contracts/i18n.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import type { Ctx } from '../../platform/context.js';
import { buildTemplate, readSheet, RowErrors } from '../../platform/excel/excel.js';
import { AppError } from '../../platform/http/errors.js';
import { inputsOfScheme, touchSchemeInputs, upsertInput, type InputRow, type SchemeRow } from './assessment.repository.js';
import { EMPTY_INPUT, inputIssues, round2, type DirectoryDept, type Issue, type SchemeConfig, type StoredInput } from './assessment.rules.js';
import { inputColumns, scoreColumn, UNIT_COLUMN } from './assessment.excel.js';
import { directoryMap, loadOpenScheme, loadScheme, toSchemeDto, unitsOf, validationError } from './scheme.service.js';

const MAX_ROWS = 5_000;

/** One canonical form, so that saving the same figures again is recognised as no change. */
function normalize(input: Pick<StoredInput, 'scores' | 'bonuses' | 'deductions' | 'vetoes'>): StoredInput {
  const scores = Object.fromEntries(
    Object.entries(input.scores)
      .filter((e): e is [string, number] => e[1] !== null && e[1] !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return {
    scores,
    bonuses: input.bonuses.map((e) => ({ itemKey: e.itemKey, points: e.points, reason: e.reason })),
    deductions: input.deductions.map((e) => ({ itemKey: e.itemKey, points: e.points, reason: e.reason })),
    vetoes: input.vetoes.map((e) => ({ itemKey: e.itemKey, reason: e.reason })),
  };
}

const same = (a: StoredInput, b: StoredInput) => JSON.stringify(a) === JSON.stringify(b);

/** The grid: every unit of the scheme with what is entered for it (empty when nothing is). */
export async function getInputs(ctx: Ctx, schemeId: number): Promise<InputsResponse> {
  const scheme = await loadScheme(ctx, schemeId);
  const [directory, rows] = await Promise.all([directoryMap(ctx), inputsOfScheme(ctx.db, schemeId)]);
  const byDept = new Map(rows.map((r) => [r.deptId, r]));
  const units: UnitInputs[] = unitsOf(scheme, directory).map((u) => {
    const r = byDept.get(u.deptId);
    return {
      deptId: u.deptId,
      deptName: u.name,
      districtCode: u.districtCode,
      ...(r ? normalize(r) : EMPTY_INPUT),
      updatedBy: r?.updatedBy ?? null,
      updatedAt: r?.updatedAt.toISOString() ?? null,
    };
  });
  return { scheme: toSchemeDto(scheme), units };
}

/**
 * Write the changed units' inputs, a new scheme revision (results become stale; a draft moves to
 * scoring) and one audit row, in one transaction. Units whose figures did not change are left.
 */
async function writeInputs(ctx: Ctx, scheme: SchemeRow, planned: Map<number, StoredInput>, action: 'assessment.input.update' | 'assessment.input.import'): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const existing = new Map((await inputsOfScheme(ctx.db, scheme.id)).map((r): [number, InputRow] => [r.deptId, r]));
  const changes: { deptId: number; before: StoredInput | null; after: StoredInput }[] = [];
  let unchanged = 0;
  for (const [deptId, input] of planned) {
    const old = existing.get(deptId);
    const before = old ? normalize(old) : null;
    if (same(before ?? EMPTY_INPUT, input)) unchanged++;
    else changes.push({ deptId, before, after: input });
  }
  if (changes.length > 0) {
    await ctx.db.transaction(async (tx) => {
      for (const c of changes) await upsertInput(tx, { schemeId: scheme.id, deptId: c.deptId, ...c.after, updatedBy: ctx.actor.username });
      if (!(await touchSchemeInputs(tx, scheme.id))) throw new AppError('ASSESSMENT_PUBLISHED');
      await appendAudit(tx, ctx, {
        action,
        targetType: 'assessment_scheme',
        targetId: scheme.id,
        before: changes.map((c) => ({ deptId: c.deptId, input: c.before })),
        after: changes.map((c) => ({ deptId: c.deptId, input: c.after })),
      });
    });
  }
  return { inserted: changes.filter((c) => c.before === null).length, updated: changes.filter((c) => c.before !== null).length, unchanged };
}

/** Save the grid (the units listed; others stay). Units outside the scheme and points over an item's maximum are a 400. */
export async function saveInputs(ctx: Ctx, schemeId: number, body: { units: UnitInput[] }): Promise<InputsResponse> {
  const scheme = await loadOpenScheme(ctx, schemeId);
  const directory = await directoryMap(ctx);
  const assessed = new Set(scheme.deptIds);
  const issues: Issue[] = [];
  const planned = new Map<number, StoredInput>();
  body.units.forEach((u, i) => {
    const name = directory.get(u.deptId)?.name ?? String(u.deptId);
    if (!assessed.has(u.deptId)) {
      issues.push({ path: `units[${i}].deptId`, message: `${name} 不是本方案的考核单位 ¦ ${name} is not assessed by this scheme` });
      return;
    }
    if (planned.has(u.deptId)) issues.push({ path: `units[${i}].deptId`, message: `${name} 重复 ¦ ${name} appears twice` });
    const input = normalize(u);
    issues.push(...inputIssues(scheme.config, input, `units[${i}]`).map((x) => ({ ...x, message: msg(`${name}：${pickLang(x.message, 'zh')}`, `${name}: ${pickLang(x.message, 'en')}`) })));
    planned.set(u.deptId, input);
  });
  if (issues.length > 0) throw validationError(ctx, issues);
  await writeInputs(ctx, scheme, planned, 'assessment.input.update');
  return getInputs(ctx, schemeId);
}

/** The import template: the scheme's units, one row each, with what is entered so far. */
export async function inputTemplate(ctx: Ctx, schemeId: number): Promise<Buffer> {
  const scheme = await loadScheme(ctx, schemeId);
  const current = await getInputs(ctx, schemeId);
  const rows = current.units.flatMap((u) => {
    const lines = Math.max(1, u.bonuses.length, u.deductions.length, u.vetoes.length);
    const byKey = (list: readonly { key: string; name: string }[], key: string) => list.find((x) => x.key === key)?.name ?? key;
    return Array.from({ length: lines }, (_, i) => {
      const row: Record<string, string> = { [UNIT_COLUMN]: u.deptName };
      if (i === 0) for (const [k, v] of Object.entries(u.scores)) if (v !== null) row[scoreColumn(k)] = String(v);
      const b = u.bonuses[i];
      if (b) Object.assign(row, { bonusItem: byKey(scheme.config.bonusItems, b.itemKey), bonusPoints: String(b.points), bonusReason: b.reason });
      const d = u.deductions[i];
      if (d) Object.assign(row, { deductionItem: byKey(scheme.config.deductionItems, d.itemKey), deductionPoints: String(d.points), deductionReason: d.reason });
      const v = u.vetoes[i];
      if (v) Object.assign(row, { vetoItem: byKey(scheme.config.vetoItems, v.itemKey), vetoReason: v.reason });
      return row;
    });
  });
  return buildTemplate('考核数据', inputColumns(scheme.config), rows);
}

function parseNumber(text: string | null, max: number): number | null | 'invalid' {
  if (text === null) return null;
  const n = Number(text.replace(/[分%％\s]/g, ''));
  if (!Number.isFinite(n) || n < 0 || n > max || round2(n) !== n) return 'invalid';
  return n;
}

/** Resolve a unit cell: full name, short name or department id, among the scheme's units only. */
function unitResolver(scheme: SchemeRow, directory: ReadonlyMap<number, DirectoryDept>): (text: string) => number | null {
  const byName = new Map<string, number>();
  for (const id of scheme.deptIds) {
    const d = directory.get(id);
    if (!d) continue;
    byName.set(d.name, id);
    if (d.shortName) byName.set(d.shortName, id);
    byName.set(String(id), id);
  }
  return (text) => byName.get(text.trim()) ?? null;
}

function itemResolver(items: readonly { key: string; name: string }[]): (text: string) => string | null {
  return (text) => items.find((i) => i.name === text.trim() || i.key === text.trim())?.key ?? null;
}

/** Rows of the file turned into per-unit inputs, every problem recorded against its row and column. */
function planImport(config: SchemeConfig, rows: { row: number; values: Record<string, string | null> }[], unitOf: (text: string) => number | null, errors: RowErrors): Map<number, StoredInput> {
  const columns = new Map(inputColumns(config).map((c) => [c.key, c.header]));
  const header = (key: string) => columns.get(key) ?? key;
  const entered = config.indicators.filter((i) => isEnteredKind(i.kind));
  const bonusOf = itemResolver(config.bonusItems);
  const deductionOf = itemResolver(config.deductionItems);
  const vetoOf = itemResolver(config.vetoItems);
  const planned = new Map<number, StoredInput & { firstRow: number; scoreRows: Map<string, number>; entryRows: Record<'bonuses' | 'deductions' | 'vetoes', number[]> }>();

  for (const { row, values: v } of rows) {
    const unitText = v[UNIT_COLUMN];
    const deptId = unitText ? unitOf(unitText) : null;
    if (!unitText) {
      errors.add(row, header(UNIT_COLUMN), '请填写单位名称');
      continue;
    }
    if (deptId === null) {
      errors.add(row, header(UNIT_COLUMN), `「${unitText}」不是本方案的考核单位`);
      continue;
    }
    let unit = planned.get(deptId);
    if (!unit) {
      unit = { scores: {}, bonuses: [], deductions: [], vetoes: [], firstRow: row, scoreRows: new Map(), entryRows: { bonuses: [], deductions: [], vetoes: [] } };
      planned.set(deptId, unit);
    }
    for (const ind of entered) {
      const col = scoreColumn(ind.key);
      const value = parseNumber(v[col] ?? null, 100);
      if (value === 'invalid') errors.add(row, header(col), `「${v[col]}」不是 0–100 之间、最多两位小数的分数`);
      else if (value !== null) {
        const earlier = unit.scoreRows.get(ind.key);
        if (earlier !== undefined && unit.scores[ind.key] !== value) errors.add(row, header(col), `与第 ${earlier} 行填写的得分 ${unit.scores[ind.key]} 不一致`);
        unit.scores[ind.key] = value;
        unit.scoreRows.set(ind.key, row);
      }
    }
    for (const [kind, itemCol, pointsCol, reasonCol, resolve] of [
      ['bonuses', 'bonusItem', 'bonusPoints', 'bonusReason', bonusOf],
      ['deductions', 'deductionItem', 'deductionPoints', 'deductionReason', deductionOf],
    ] as const) {
      const item = v[itemCol] ?? null;
      const pointsText = v[pointsCol] ?? null;
      const reason = v[reasonCol] ?? null;
      if (item === null && pointsText === null && reason === null) continue;
      const key = item === null ? null : resolve(item);
      if (item === null) errors.add(row, header(itemCol), `填写了${header(pointsCol)}或理由，但未填写${header(itemCol)}`);
      else if (key === null) errors.add(row, header(itemCol), `「${item}」不是本方案的${header(itemCol)}`);
      const points = parseNumber(pointsText, 100);
      if (pointsText === null) errors.add(row, header(pointsCol), `请填写${header(pointsCol)}`);
      else if (points === 'invalid') errors.add(row, header(pointsCol), `「${pointsText}」不是有效分值`);
      if (reason === null) errors.add(row, header(reasonCol), `请填写${header(reasonCol)}`);
      if (key !== null && typeof points === 'number' && reason !== null) {
        unit[kind].push({ itemKey: key, points, reason: reason.slice(0, 500) });
        unit.entryRows[kind].push(row);
      }
    }
    const vetoItem = v.vetoItem ?? null;
    const vetoReason = v.vetoReason ?? null;
    if (vetoItem !== null || vetoReason !== null) {
      const key = vetoItem === null ? null : vetoOf(vetoItem);
      if (vetoItem === null) errors.add(row, header('vetoItem'), '填写了否决理由，但未填写否决事项');
      else if (key === null) errors.add(row, header('vetoItem'), `「${vetoItem}」不是本方案的否决事项`);
      if (vetoReason === null) errors.add(row, header('vetoReason'), '请填写否决理由');
      if (key !== null && vetoReason !== null) {
        unit.vetoes.push({ itemKey: key, reason: vetoReason.slice(0, 500) });
        unit.entryRows.vetoes.push(row);
      }
    }
  }

  // Item maxima, per entry and per item together, reported on the row that goes over.
  const result = new Map<number, StoredInput>();
  for (const [deptId, unit] of planned) {
    const input = normalize(unit);
    for (const issue of inputIssues(config, input, '')) {
      const m = /^\.(bonuses|deductions|vetoes)\[(\d+)\]\.(\w+)/.exec(issue.path);
      const kind = m?.[1] as 'bonuses' | 'deductions' | 'vetoes' | undefined;
      const row = kind ? (unit.entryRows[kind][Number(m![2])] ?? unit.firstRow) : unit.firstRow;
      const col = kind === 'bonuses' ? 'bonusPoints' : kind === 'deductions' ? 'deductionPoints' : kind === 'vetoes' ? 'vetoItem' : UNIT_COLUMN;
      errors.add(row, header(col), pickLang(issue.message, 'zh'));
    }
    result.set(deptId, input);
  }
  return result;
}

/** Import the figures of the units in the file (their earlier figures are replaced; other units stay). */
export async function importInputs(ctx: Ctx, schemeId: number, buffer: Buffer): Promise<ImportResult> {
  const scheme = await loadOpenScheme(ctx, schemeId);
  const directory = await directoryMap(ctx);
  const rows = await readSheet(buffer, inputColumns(scheme.config), MAX_ROWS);
  const errors = new RowErrors();
  const planned = planImport(scheme.config, rows, unitResolver(scheme, directory), errors);
  if (errors.count > 0) {
    throw new AppError('IMPORT_INVALID', {
      message: { zh: `导入文件有 ${errors.count} 处错误，未导入任何数据`, en: `The file has ${errors.count} error(s); nothing was imported` },
      details: { errors: [...errors.items].sort((a, b) => a.row - b.row) },
    });
  }
  const counts = await writeInputs(ctx, scheme, planned, 'assessment.input.import');
  return { ...counts, skipped: 0, errors: [] };
}
