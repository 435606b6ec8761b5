/**
 * The two models shipped as version 1 (data, not code: a bureau edits them as new versions through
 * POST /api/credit/models). Numbers without a statutory source are marked as local defaults.
 */
import type { ModelDefinition, ModelKind } from '../../../../../contracts/credit-scoring.js';

/** The heaviest penalty types (Order 45 Art. 14 para. 3 lists these as never stopping publication early). */
const HEAVY_PENALTIES = ['qualification_lowered', 'licence_revoked', 'business_limited', 'suspended', 'closed', 'employment_ban', 'detention'];

/**
 * 企业质量信用等级 (quality-credit grade): six grades AAA…D, "四等六级" of T/CAQ 20301-2023, over the
 * four dimensions of GB/T 31863-2015 (quality management; product and service quality performance;
 * customers; social responsibility). The standard's weights and every grade's score band are
 * UNCONFIRMED (reference §9): the weights and bands below are configurable defaults, not statute.
 * Veto items follow DB3708/T 63-2025 (licences and mandatory certification) and the serious-violation
 * list (SAMR Order 44).
 */
export const QUALITY_GRADE_MODEL: ModelDefinition = {
  basis:
    '等级AAA/AA/A/B/C/D按T/CAQ 20301-2023“四等六级”；维度按GB/T 31863-2015；权重与分数段为本地可配置默认值（标准未公开数值，非法定）。否决项：应取得生产许可证或CCC而无有效证书（参照DB3708/T 63-2025）、列入严重违法失信名单（总局令第44号）。',
  dimensions: [
    { key: 'management', name: '质量管理' },
    { key: 'performance', name: '产品和服务质量表现' },
    { key: 'customers', name: '顾客与投诉' },
    { key: 'social', name: '社会责任' },
  ],
  indicators: [
    { key: 'quality_officer', name: '配备质量安全总监/首席质量官', dimension: 'management', max: 5, formula: 'fact', fact: 'has_quality_officer', base: 0, perUnit: 5 },
    { key: 'licences', name: '有效许可证与认证证书', dimension: 'management', max: 8, formula: 'fact', fact: 'valid_licences', base: 0, perUnit: 4 },
    { key: 'certifications', name: '新取得的认证', dimension: 'management', max: 4, formula: 'count', kinds: ['certification'], where: [{ field: 'change', op: 'eq', value: 'gained' }], windowMonths: 36, decay: { kind: 'none' }, base: 0, perRecord: 2 },
    { key: 'self_declarations', name: '企业标准自我声明', dimension: 'management', max: 4, formula: 'count', kinds: ['self_declaration'], where: [], windowMonths: 36, decay: { kind: 'none' }, base: 0, perRecord: 2 },
    { key: 'commitments', name: '质量信用承诺', dimension: 'management', max: 4, formula: 'count', kinds: ['commitment'], where: [], windowMonths: 12, decay: { kind: 'none' }, base: 0, perRecord: 4 },
    {
      key: 'sampling_pass_rate',
      name: '监督抽查合格率',
      dimension: 'performance',
      max: 20,
      formula: 'ratio',
      kinds: ['sampling'],
      where: [],
      windowMonths: 36,
      decay: { kind: 'half_life', halfLifeDays: 365 },
      pass: [{ field: 'result', op: 'eq', value: 'pass' }],
      empty: 15,
    },
    { key: 'inspections', name: '监督检查发现问题', dimension: 'performance', max: 8, formula: 'count', kinds: ['inspection'], where: [{ field: 'result', op: 'in', values: ['fail', 'issues_found'] }], windowMonths: 36, decay: { kind: 'linear' }, base: 8, perRecord: -3 },
    { key: 'ordered_recalls', name: '责令召回', dimension: 'performance', max: 7, formula: 'count', kinds: ['recall'], where: [{ field: 'recallKind', op: 'eq', value: 'ordered' }], windowMonths: 36, decay: { kind: 'linear' }, base: 7, perRecord: -7 },
    { key: 'complaints', name: '投诉经查属实', dimension: 'customers', max: 15, formula: 'count', kinds: ['complaint'], where: [{ field: 'verdict', op: 'eq', value: 'substantiated' }], windowMonths: 36, decay: { kind: 'linear' }, base: 15, perRecord: -5 },
    { key: 'penalties', name: '行政处罚', dimension: 'social', max: 12, formula: 'count', kinds: ['penalty'], where: [], windowMonths: 36, decay: { kind: 'linear' }, base: 12, perRecord: -6 },
    { key: 'heavy_penalties', name: '较重行政处罚（吊销、停业、限制从业等）', dimension: 'social', max: 5, formula: 'count', kinds: ['penalty'], where: [{ field: 'penaltyTypes', op: 'any', values: HEAVY_PENALTIES }], windowMonths: 36, decay: { kind: 'linear' }, base: 5, perRecord: -5 },
    { key: 'list_entries', name: '列入经营异常名录或黑榜', dimension: 'social', max: 3, formula: 'count', kinds: ['list_entry'], where: [{ field: 'list', op: 'in', values: ['abnormal', 'black'] }], windowMonths: 36, decay: { kind: 'none' }, base: 3, perRecord: -3 },
    { key: 'awards', name: '质量奖、品牌等荣誉', dimension: 'social', max: 5, formula: 'count', kinds: ['award'], where: [{ field: 'withdrawn', op: 'eq', value: false }, { field: 'level', op: 'in', values: ['national', 'provincial', 'city'] }], windowMonths: 36, decay: { kind: 'none' }, base: 0, perRecord: 2.5 },
  ],
  vetoes: [
    { key: 'missing_production_licence', name: '应取得生产许可证而无有效证书', when: { type: 'flag', code: 'missing_production_licence' }, grade: 'D' },
    { key: 'missing_ccc', name: '属强制性产品认证目录而无有效CCC证书', when: { type: 'flag', code: 'missing_ccc' }, grade: 'D' },
    { key: 'serious_violation', name: '列入严重违法失信名单', when: { type: 'list', list: 'serious-violation' }, grade: 'D' },
  ],
  // Configurable defaults, not statutory: T/CAQ 20301-2023 and GB/T 23791 bands are UNCONFIRMED.
  bands: [
    { grade: 'AAA', min: 90 },
    { grade: 'AA', min: 80 },
    { grade: 'A', min: 70 },
    { grade: 'B', min: 60 },
    { grade: 'C', min: 40 },
    { grade: 'D', min: 0 },
  ],
  published: true,
};

/**
 * 企业信用风险分类 (credit-risk class) A/B/C/D = 信用风险低/一般/较高/高 (SAMR 2022 opinion; reference §4).
 * Internal only, recomputed monthly and on demand. The score is 100 minus risk points, so a higher
 * score is a lower risk; the point values and bands are local defaults (the national document gives
 * none). The abnormal list makes the class at least C, the serious-violation list D, and an entity
 * established less than a year ago at least B (observation period of the Hebei and Ningxia rules).
 */
export const CREDIT_RISK_MODEL: ModelDefinition = {
  basis: '分类A/B/C/D（信用风险低/一般/较高/高），依据市场监管总局2022年企业信用风险分类管理意见；风险分值与分类界限为本地可配置默认值。仅内部使用，不公开。',
  dimensions: [
    { key: 'penalties', name: '行政处罚' },
    { key: 'quality', name: '产品质量' },
    { key: 'behaviour', name: '经营行为' },
  ],
  indicators: [
    { key: 'penalties', name: '行政处罚', dimension: 'penalties', max: 30, formula: 'count', kinds: ['penalty'], where: [], windowMonths: 36, decay: { kind: 'half_life', halfLifeDays: 365 }, base: 30, perRecord: -10 },
    { key: 'heavy_penalties', name: '较重行政处罚', dimension: 'penalties', max: 25, formula: 'count', kinds: ['penalty'], where: [{ field: 'penaltyTypes', op: 'any', values: HEAVY_PENALTIES }], windowMonths: 60, decay: { kind: 'half_life', halfLifeDays: 730 }, base: 25, perRecord: -25 },
    { key: 'large_fines', name: '罚没款10万元以上', dimension: 'penalties', max: 5, formula: 'count', kinds: ['penalty'], where: [{ field: 'amount', op: 'gte', value: 100_000 }], windowMonths: 36, decay: { kind: 'none' }, base: 5, perRecord: -5 },
    { key: 'failed_sampling', name: '监督抽查不合格', dimension: 'quality', max: 15, formula: 'count', kinds: ['sampling'], where: [{ field: 'result', op: 'eq', value: 'fail' }], windowMonths: 24, decay: { kind: 'linear' }, base: 15, perRecord: -5 },
    { key: 'complaints', name: '投诉经查属实', dimension: 'behaviour', max: 10, formula: 'count', kinds: ['complaint'], where: [{ field: 'verdict', op: 'eq', value: 'substantiated' }], windowMonths: 24, decay: { kind: 'linear' }, base: 10, perRecord: -2.5 },
    { key: 'ordered_recalls', name: '责令召回', dimension: 'quality', max: 10, formula: 'count', kinds: ['recall'], where: [{ field: 'recallKind', op: 'eq', value: 'ordered' }], windowMonths: 36, decay: { kind: 'none' }, base: 10, perRecord: -10 },
    { key: 'refused_recalls', name: '拒绝或拖延召回', dimension: 'quality', max: 5, formula: 'count', kinds: ['recall'], where: [{ field: 'refused', op: 'eq', value: true }], windowMonths: 60, decay: { kind: 'none' }, base: 5, perRecord: -5 },
  ],
  vetoes: [
    { key: 'abnormal_list', name: '列入经营异常名录（至少C类）', when: { type: 'list', list: 'abnormal' }, grade: 'C' },
    { key: 'serious_violation', name: '列入严重违法失信名单（D类）', when: { type: 'list', list: 'serious-violation' }, grade: 'D' },
    { key: 'new_entity', name: '成立不满一年（至少B类）', when: { type: 'established_within_days', days: 365 }, grade: 'B' },
  ],
  bands: [
    { grade: 'A', min: 85 },
    { grade: 'B', min: 70 },
    { grade: 'C', min: 50 },
    { grade: 'D', min: 0 },
  ],
  published: false,
};

export const SHIPPED_MODELS: { kind: ModelKind; name: string; definition: ModelDefinition }[] = [
  { kind: 'grade', name: '企业质量信用等级评价（四等六级）', definition: QUALITY_GRADE_MODEL },
  { kind: 'risk', name: '企业信用风险分类（A/B/C/D）', definition: CREDIT_RISK_MODEL },
];
