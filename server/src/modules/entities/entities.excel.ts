/** Excel column map of the registry export. */
import type { EntitySummary } from '../../../../contracts/entities.js';
import type { DictLabel } from '../../platform/excel/excel.js';
import type { ExportColumn } from '../../platform/excel/excel-export.js';

/** The registry list as the page shows it; the grade and risk columns only for those who see them there. */
export function entityExport(opts: { grade: boolean; risk: boolean }): ExportColumn<EntitySummary>[] {
  return [
    { header: '统一社会信用代码', width: 22, value: (e) => e.uscc },
    { header: '名称', width: 36, value: (e) => e.name },
    { header: '主体类型', width: 12, value: (e, label) => label('ent_type', e.entityType) },
    { header: '区划', width: 12, value: (e) => e.districtName ?? e.districtCode },
    { header: '行业', width: 30, value: (e) => e.industryName },
    { header: '登记状态', width: 8, value: (e, label) => label('ent_status', e.status) },
    { header: '企业规模', width: 8, value: (e, label) => (e.scale ? label('ent_scale', e.scale) : null) },
    { header: '法定代表人', width: 12, value: (e) => e.legalRep },
    ...(opts.grade ? [{ header: '质量信用等级', width: 18, value: (e: EntitySummary, label: DictLabel) => (e.grade ? label('credit_grade', e.grade) : null) }] : []),
    ...(opts.risk ? [{ header: '信用风险分类', width: 18, value: (e: EntitySummary, label: DictLabel) => (e.riskClass ? label('credit_risk_class', e.riskClass) : null) }] : []),
    { header: '缺质量安全总监', width: 8, value: (e) => (e.missingOfficer ? '是' : null) },
  ];
}

