/**
 * The joint-sanction rule table (联合惩戒措施清单) seeded into credit_sanction_rule. The office edits
 * descriptions, departments and status afterwards; re-seeding adds missing rules and keeps edits.
 * Triggers: `list:<credit_list>` for an entry in force, `grade:<credit_grade>` for the current grade.
 */
export interface SanctionRuleSeed {
  trigger: string;
  measure: string;
  description: string;
  basis: string;
  appliedBy: string;
}

const ORDER_44 = '《市场监督管理严重违法失信名单管理办法》（市场监管总局令第44号）第十五条';
const DISCLOSURE_19 = '《企业信息公示暂行条例》第十九条';
const GRADE_BASIS = '本市企业质量信用分级分类监管办法（质量信用等级 D 级）';

export const SANCTION_RULES: readonly SanctionRuleSeed[] = [
  // SAMR Order 44 Art. 15 (1)–(5).
  {
    trigger: 'list:serious-violation',
    measure: 'licensing_consideration',
    description: '在审查行政许可、资质资格评定时作为重要考量因素',
    basis: `${ORDER_44}第（一）项`,
    appliedBy: '市场监管局、行政审批局及各行业主管部门',
  },
  {
    trigger: 'list:serious-violation',
    measure: 'procurement_tender_flag',
    description: '在政府采购、招标投标中作为重要考量因素，依法予以限制',
    basis: `${ORDER_44}第（一）项`,
    appliedBy: '财政局、发展改革委、公共资源交易中心',
  },
  {
    trigger: 'list:serious-violation',
    measure: 'key_supervision',
    description: '列为重点监管对象，提高检查频次',
    basis: `${ORDER_44}第（二）项`,
    appliedBy: '市场监管局及各区市场监管局',
  },
  {
    trigger: 'list:serious-violation',
    measure: 'no_notify_commit',
    description: '不适用告知承诺制等便利措施',
    basis: `${ORDER_44}第（三）项`,
    appliedBy: '市场监管局、行政审批局',
  },
  {
    trigger: 'list:serious-violation',
    measure: 'no_awards',
    description: '不予授予市场监督管理部门荣誉称号等表彰奖励',
    basis: `${ORDER_44}第（四）项`,
    appliedBy: '市场监管局',
  },
  // 企业信息公示暂行条例 Art. 19: both lists limit or bar procurement, tenders, state land and honours.
  {
    trigger: 'list:abnormal',
    measure: 'procurement_tender_flag',
    description: '在政府采购、工程招投标中依法予以限制或者禁入',
    basis: DISCLOSURE_19,
    appliedBy: '财政局、发展改革委、公共资源交易中心',
  },
  {
    trigger: 'list:abnormal',
    measure: 'land_transfer_limit',
    description: '在国有土地出让中依法予以限制或者禁入',
    basis: DISCLOSURE_19,
    appliedBy: '规划资源局',
  },
  {
    trigger: 'list:abnormal',
    measure: 'no_honours',
    description: '在授予荣誉称号等方面依法予以限制或者禁入',
    basis: DISCLOSURE_19,
    appliedBy: '市场监管局及各评优评先部门',
  },
  {
    trigger: 'list:serious-violation',
    measure: 'land_transfer_limit',
    description: '在国有土地出让中依法予以限制或者禁入',
    basis: DISCLOSURE_19,
    appliedBy: '规划资源局',
  },
  // Quality-credit grade D and the black list (city rules).
  {
    trigger: 'grade:D',
    measure: 'key_supervision',
    description: '列为重点监管对象，提高“双随机、一公开”抽查比例和频次',
    basis: GRADE_BASIS,
    appliedBy: '市场监管局及各区市场监管局',
  },
  {
    trigger: 'grade:D',
    measure: 'no_quality_awards',
    description: '不得参加政府质量奖、名牌产品等质量类评选',
    basis: GRADE_BASIS,
    appliedBy: '市场监管局（质量发展处）',
  },
  {
    trigger: 'list:black',
    measure: 'no_awards',
    description: '质量信用黑榜企业不予评选各类质量奖项和荣誉称号',
    basis: '本市质量信用红黑榜发布管理办法',
    appliedBy: '市场监管局及各评优评先部门',
  },
  {
    trigger: 'list:black',
    measure: 'key_supervision',
    description: '作为重点监管对象，加大监督抽查力度',
    basis: '本市质量信用红黑榜发布管理办法',
    appliedBy: '市场监管局及各区市场监管局',
  },
  // Penalty publication (Order 45) carries no sanction by itself beyond publication; the office may add rules.
];
