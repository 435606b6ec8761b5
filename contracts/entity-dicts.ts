/**
 * Dictionaries of the market-entity registry, the archive and credit (labels and tag colours).
 * Kept apart from dicts.ts for size; BUILTIN_DICTS includes them.
 */
export const ENTITY_DICTS = [
  {
    type: 'ent_type',
    zh: '主体类型',
    en: 'Entity type',
    items: [
      { value: 'company', zh: '企业', en: 'Company' },
      { value: 'individual', zh: '个体工商户', en: 'Sole proprietor' },
      { value: 'cooperative', zh: '农民专业合作社', en: 'Farmers\u2019 cooperative' },
      { value: 'branch', zh: '分支机构', en: 'Branch' },
      { value: 'other', zh: '其他', en: 'Other' },
    ],
  },
  {
    type: 'ent_status',
    zh: '登记状态',
    en: 'Registration status',
    items: [
      { value: 'active', zh: '存续', en: 'Active', color: 'green' },
      { value: 'suspended', zh: '停业', en: 'Suspended', color: 'orange' },
      { value: 'revoked', zh: '吊销', en: 'Licence revoked', color: 'red' },
      { value: 'cancelled', zh: '注销', en: 'Deregistered', color: 'default' },
      { value: 'moved_out', zh: '迁出', en: 'Moved out', color: 'default' },
    ],
  },
  {
    type: 'ent_scale',
    zh: '企业规模',
    en: 'Size',
    items: [
      { value: 'large', zh: '大型', en: 'Large' },
      { value: 'medium', zh: '中型', en: 'Medium' },
      { value: 'small', zh: '小型', en: 'Small' },
      { value: 'micro', zh: '微型', en: 'Micro' },
    ],
  },
  {
    type: 'ent_licence_kind',
    zh: '证照类型',
    en: 'Licence kind',
    items: [
      { value: 'production_licence', zh: '工业产品生产许可证', en: 'Production licence' },
      { value: 'ccc', zh: '强制性产品认证（CCC）', en: 'CCC certificate' },
      { value: 'food_production', zh: '食品生产许可证', en: 'Food production licence' },
      { value: 'food_business', zh: '食品经营许可证', en: 'Food business licence' },
      { value: 'special_equipment', zh: '特种设备许可', en: 'Special-equipment licence' },
      { value: 'management_system', zh: '管理体系认证', en: 'Management-system certificate' },
      { value: 'other', zh: '其他', en: 'Other' },
    ],
  },
  {
    type: 'ent_record_kind',
    zh: '档案记录类型',
    en: 'Archive record kind',
    items: [
      { value: 'inspection', zh: '检查结果', en: 'Inspection', color: 'blue' },
      { value: 'sampling', zh: '抽查检验', en: 'Sampling', color: 'cyan' },
      { value: 'penalty', zh: '行政处罚', en: 'Penalty', color: 'red' },
      { value: 'complaint', zh: '投诉处理结果', en: 'Complaint verdict', color: 'orange' },
      { value: 'recall', zh: '缺陷产品召回', en: 'Recall', color: 'volcano' },
      { value: 'award', zh: '荣誉奖励', en: 'Award or honour', color: 'gold' },
      { value: 'certification', zh: '认证变化', en: 'Certification', color: 'geekblue' },
      { value: 'self_declaration', zh: '标准自我声明', en: 'Standard self-declaration', color: 'purple' },
      { value: 'commitment', zh: '质量承诺', en: 'Quality commitment', color: 'lime' },
      { value: 'list_entry', zh: '列入名单', en: 'Listed', color: 'magenta' },
      { value: 'list_removal', zh: '移出名单', en: 'Removed from list', color: 'green' },
      { value: 'credit_repair', zh: '信用修复', en: 'Credit repair', color: 'green' },
      { value: 'note', zh: '监管备注', en: 'Officer\u2019s note', color: 'default' },
    ],
  },
  {
    // Where an archive record came from (`archive_record.source_module`); modules add theirs here.
    type: 'ent_record_source',
    zh: '档案记录来源',
    en: 'Record source',
    items: [
      { value: 'entities', zh: '监管人员录入', en: 'Entered by an officer' },
      { value: 'import', zh: '历史记录导入', en: 'Historical import' },
      { value: 'credit', zh: '信用名单与修复', en: 'Credit lists and repair' },
      { value: 'submission', zh: '企业报送（经审核）', en: 'Enterprise submission (reviewed)' },
      { value: 'demo', zh: '演示数据', en: 'Demo data' },
    ],
  },
  {
    type: 'ent_visibility',
    zh: '公开范围',
    en: 'Visibility',
    items: [
      { value: 'public', zh: '公开', en: 'Public', color: 'green' },
      { value: 'internal', zh: '内部', en: 'Internal', color: 'default' },
    ],
  },
  {
    type: 'ent_submission_status',
    zh: '报送审核状态',
    en: 'Submission status',
    items: [
      { value: 'pending', zh: '待审核', en: 'Awaiting review', color: 'orange' },
      { value: 'approved', zh: '已公开', en: 'Approved and public', color: 'green' },
      { value: 'rejected', zh: '未通过', en: 'Not approved', color: 'red' },
    ],
  },
  {
    type: 'ent_penalty_type',
    zh: '处罚种类',
    en: 'Penalty type',
    items: [
      { value: 'warning', zh: '警告', en: 'Warning' },
      { value: 'criticism', zh: '通报批评', en: 'Public criticism' },
      { value: 'fine', zh: '罚款', en: 'Fine' },
      { value: 'confiscation', zh: '没收违法所得、没收非法财物', en: 'Confiscation' },
      { value: 'qualification_lowered', zh: '降低资质等级', en: 'Qualification lowered' },
      { value: 'licence_revoked', zh: '吊销许可证件', en: 'Licence revoked' },
      { value: 'business_limited', zh: '限制开展生产经营活动', en: 'Business limited' },
      { value: 'suspended', zh: '责令停产停业', en: 'Ordered to stop production' },
      { value: 'closed', zh: '责令关闭', en: 'Ordered to close' },
      { value: 'employment_ban', zh: '限制从业', en: 'Employment ban' },
      { value: 'detention', zh: '行政拘留', en: 'Administrative detention' },
    ],
  },
  {
    type: 'credit_grade',
    zh: '质量信用等级',
    en: 'Quality-credit grade',
    items: [
      { value: 'AAA', zh: 'AAA 级（信用优秀）', en: 'AAA (excellent)', color: 'green' },
      { value: 'AA', zh: 'AA 级（信用良好）', en: 'AA (good)', color: 'cyan' },
      { value: 'A', zh: 'A 级（信用较好）', en: 'A (fair)', color: 'blue' },
      { value: 'B', zh: 'B 级（信用一般）', en: 'B (average)', color: 'gold' },
      { value: 'C', zh: 'C 级（信用较差）', en: 'C (poor)', color: 'orange' },
      { value: 'D', zh: 'D 级（信用差）', en: 'D (bad)', color: 'red' },
    ],
  },
  {
    type: 'credit_risk_class',
    zh: '信用风险分类',
    en: 'Credit-risk class',
    items: [
      { value: 'A', zh: 'A 类（信用风险低）', en: 'A (low risk)', color: 'green' },
      { value: 'B', zh: 'B 类（信用风险一般）', en: 'B (ordinary risk)', color: 'blue' },
      { value: 'C', zh: 'C 类（信用风险较高）', en: 'C (higher risk)', color: 'orange' },
      { value: 'D', zh: 'D 类（信用风险高）', en: 'D (high risk)', color: 'red' },
    ],
  },
  {
    type: 'credit_list',
    zh: '信用名单',
    en: 'Credit list',
    items: [
      { value: 'serious-violation', zh: '严重违法失信名单', en: 'Serious-violation list', color: 'red' },
      { value: 'abnormal', zh: '经营异常名录', en: 'Abnormal-operations list', color: 'orange' },
      { value: 'penalty-publication', zh: '行政处罚信息公示', en: 'Penalty publication', color: 'volcano' },
      { value: 'red', zh: '质量信用红榜', en: 'Quality-credit red list', color: 'green' },
      { value: 'black', zh: '质量信用黑榜', en: 'Quality-credit black list', color: 'default' },
    ],
  },
] as const;

export type EntityDictType = (typeof ENTITY_DICTS)[number]['type'];

/** A value of one of these dictionaries in Chinese (documents and public pages), or the value itself when unknown. */
export function entityDictLabel(type: EntityDictType, value: string): string {
  const items: readonly { value: string; zh: string }[] = ENTITY_DICTS.find((d) => d.type === type)?.items ?? [];
  return items.find((i) => i.value === value)?.zh ?? value;
}
