/**
 * The demo city: Tianjin (天津市, GB/T 2260 120000), its 16 districts, the city quality office and
 * the member units named in the Tianjin action plans (seeds 000, 002, 004), each with the short
 * names and former names those documents use, so plan import can match them.
 */
import type { DeptKind } from '../../../../../contracts/dicts.js';

export const CITY = { code: '120000', name: '天津市', level: 1 } as const;

/** The 16 districts of Tianjin with their GB/T 2260 codes. */
export const TIANJIN_DISTRICTS: readonly { code: string; name: string }[] = [
  { code: '120101', name: '和平区' },
  { code: '120102', name: '河东区' },
  { code: '120103', name: '河西区' },
  { code: '120104', name: '南开区' },
  { code: '120105', name: '河北区' },
  { code: '120106', name: '红桥区' },
  { code: '120110', name: '东丽区' },
  { code: '120111', name: '西青区' },
  { code: '120112', name: '津南区' },
  { code: '120113', name: '北辰区' },
  { code: '120114', name: '武清区' },
  { code: '120115', name: '宝坻区' },
  { code: '120116', name: '滨海新区' },
  { code: '120117', name: '宁河区' },
  { code: '120118', name: '静海区' },
  { code: '120119', name: '蓟州区' },
];

export interface DemoDepartment {
  /** Stable key used by the seeder to find parents and demo users' departments. */
  key: string;
  name: string;
  shortName?: string;
  aliases?: string[];
  kind: DeptKind;
  parent?: string;
  districtCode?: string;
}

/** City-level units. Members are listed in the order the 2023–2025 plan (seed 002) names them. */
export const CITY_DEPARTMENTS: readonly DemoDepartment[] = [
  { key: 'gov', name: '天津市人民政府', shortName: '市政府', kind: 'government', districtCode: '120000' },
  {
    key: 'quality-office',
    name: '天津市质量强市建设协调推进领导小组办公室',
    shortName: '市质量办',
    aliases: ['市质量强市建设协调推进领导小组办公室', '市质量工作领导小组办公室', '市质量强市领导小组办公室'],
    kind: 'office',
    parent: 'gov',
    districtCode: '120000',
  },
  {
    key: 'amr',
    name: '天津市市场监督管理委员会',
    shortName: '市市场监管委',
    aliases: ['天津市市场和质量监督管理委员会', '市市场和质量监管委', '市场监管委'],
    kind: 'regulator',
    parent: 'gov',
    districtCode: '120000',
  },
  { key: 'amr-quality', name: '质量发展处', kind: 'internal', parent: 'amr', districtCode: '120000' },
  { key: 'amr-product', name: '产品质量安全监督管理处', kind: 'internal', parent: 'amr', districtCode: '120000' },
  { key: 'amr-credit', name: '信用监督管理处', kind: 'internal', parent: 'amr', districtCode: '120000' },
  { key: 'amr-consumer', name: '消费者权益保护处', kind: 'internal', parent: 'amr', districtCode: '120000' },
  { key: 'amr-it', name: '信息中心', kind: 'internal', parent: 'amr', districtCode: '120000' },
  {
    key: 'lab',
    name: '天津市产品质量监督检测技术研究院',
    shortName: '市质检院',
    aliases: ['天津市质检院', '市产品质量监督检测技术研究院'],
    kind: 'lab',
    parent: 'amr',
    districtCode: '120000',
  },
  { key: 'ndrc', name: '天津市发展和改革委员会', shortName: '市发展改革委', aliases: ['发展改革'], kind: 'member', parent: 'gov', districtCode: '120000' },
  {
    key: 'miit',
    name: '天津市工业和信息化局',
    shortName: '市工业和信息化局',
    aliases: ['市工业和信息化委', '市经济和信息化委', '市中小企业局', '工业和信息化'],
    kind: 'member',
    parent: 'gov',
    districtCode: '120000',
  },
  { key: 'commerce', name: '天津市商务局', shortName: '市商务局', aliases: ['市商务委', '商务'], kind: 'member', parent: 'gov', districtCode: '120000' },
  {
    key: 'housing',
    name: '天津市住房和城乡建设委员会',
    shortName: '市住房城乡建设委',
    aliases: ['市建委', '市城乡建设委', '住房城乡建设'],
    kind: 'member',
    parent: 'gov',
    districtCode: '120000',
  },
  { key: 'agri', name: '天津市农业农村委员会', shortName: '市农业农村委', aliases: ['市农委', '农业农村'], kind: 'member', parent: 'gov', districtCode: '120000' },
  {
    key: 'customs',
    name: '中华人民共和国天津海关',
    shortName: '天津海关',
    aliases: ['天津出入境检验检疫局', '天津检验检疫局'],
    kind: 'member',
    parent: 'gov',
    districtCode: '120000',
  },
  { key: 'sci', name: '天津市科学技术局', shortName: '市科技局', aliases: ['市科委'], kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'edu', name: '天津市教育委员会', shortName: '市教委', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'finance', name: '天津市财政局', shortName: '市财政局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'hr', name: '天津市人力资源和社会保障局', shortName: '市人社局', aliases: ['市人力社保局'], kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'health', name: '天津市卫生健康委员会', shortName: '市卫生健康委', aliases: ['市卫生计生委'], kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'transport', name: '天津市交通运输委员会', shortName: '市交通运输委', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'culture', name: '天津市文化和旅游局', shortName: '市文化和旅游局', aliases: ['市旅游局'], kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'ip', name: '天津市知识产权局', shortName: '市知识产权局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'drug', name: '天津市药品监督管理局', shortName: '市药监局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'sasac', name: '天津市人民政府国有资产监督管理委员会', shortName: '市国资委', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'civil', name: '天津市民政局', shortName: '市民政局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'stats', name: '天津市统计局', shortName: '市统计局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'env', name: '天津市生态环境局', shortName: '市生态环境局', aliases: ['市环保局'], kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'police', name: '天津市公安局', shortName: '市公安局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'post', name: '天津市邮政管理局', shortName: '市邮政管理局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'grain', name: '天津市粮食和物资储备局', shortName: '市粮食和物资局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'coop', name: '天津市供销合作总社', shortName: '市供销合作总社', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'cac', name: '中共天津市委网络安全和信息化委员会办公室', shortName: '市委网信办', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'propaganda', name: '中共天津市委宣传部', shortName: '市委宣传部', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'telecom', name: '天津市通信管理局', shortName: '市通信管理局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'consumer', name: '天津市消费者协会', shortName: '市消协', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'union', name: '天津市总工会', shortName: '市总工会', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'youth', name: '共青团天津市委员会', shortName: '团市委', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'fic', name: '天津市工商业联合会', shortName: '市工商联', kind: 'member', parent: 'gov', districtCode: '120000' },
  {
    key: 'nfra',
    name: '国家金融监督管理总局天津监管局',
    shortName: '天津金融监管局',
    aliases: ['天津银保监局', '天津银监局'],
    kind: 'member',
    parent: 'gov',
    districtCode: '120000',
  },
  { key: 'pboc', name: '中国人民银行天津市分行', shortName: '人民银行天津分行', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'tax', name: '国家税务总局天津市税务局', shortName: '市税务局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'sport', name: '天津市体育局', shortName: '市体育局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'medicare', name: '天津市医疗保障局', shortName: '市医保局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'gov-service', name: '天津市政务服务办公室', shortName: '市政务服务办', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'water', name: '天津市水务局', shortName: '市水务局', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'urban', name: '天津市城市管理委员会', shortName: '市城市管理委', kind: 'member', parent: 'gov', districtCode: '120000' },
  { key: 'planning', name: '天津市规划和自然资源局', shortName: '市规划资源局', kind: 'member', parent: 'gov', districtCode: '120000' },
];

/** Per district: its people's government and, under it, its market-regulation bureau. */
export function districtDepartments(d: { code: string; name: string }): DemoDepartment[] {
  return [
    { key: `gov-${d.code}`, name: `天津市${d.name}人民政府`, shortName: `${d.name}政府`, kind: 'government', parent: 'gov', districtCode: d.code },
    {
      key: `amr-${d.code}`,
      name: `天津市${d.name}市场监督管理局`,
      shortName: `${d.name}市场监管局`,
      aliases: [`${d.name}市场监督管理局`],
      kind: 'regulator',
      parent: `gov-${d.code}`,
      districtCode: d.code,
    },
  ];
}

/** The enterprise the demo `enterprise` user acts for (its USCC check character is computed). */
export const DEMO_ENTERPRISE = { usccBody: '91120116MA05JQ7W8', name: '天津滨海示范食品有限公司' } as const;

/** The login of the n-th generated staff member of a district bureau: n = 1 decides (district_user), the others inspect. */
export function districtStaffUsername(districtCode: string, n: number): string {
  return `tj${districtCode}-${String(n).padStart(2, '0')}`;
}

/** Who other modules' demo data names as its authors: the quality office compiles, its chief approves. */
export const DEMO_AUTHORS = { qualityOffice: 'quality-office', approver: 'quality-chief' } as const;

/** One demo user per built-in role. */
export const ROLE_USERS: readonly { username: string; displayName: string; role: string; dept: string | null; districtCode: string | null }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', dept: 'amr-it', districtCode: '120000' },
  { username: 'quality-office', displayName: '王质量', role: 'quality_office', dept: 'quality-office', districtCode: '120000' },
  // A second person in the quality office: approvals (red and black lists, listings) need someone other than the compiler.
  { username: 'quality-chief', displayName: '陈处长', role: 'quality_office', dept: 'quality-office', districtCode: '120000' },
  { username: 'dept-user', displayName: '李工信', role: 'dept_user', dept: 'miit', districtCode: '120000' },
  { username: 'district-user', displayName: '赵和平', role: 'district_user', dept: 'amr-120101', districtCode: '120101' },
  { username: 'inspector', displayName: '孙执法', role: 'inspector', dept: 'amr-120104', districtCode: '120104' },
  { username: 'lab', displayName: '周检测', role: 'lab', dept: 'lab', districtCode: '120000' },
  { username: 'enterprise', displayName: '吴企业', role: 'enterprise', dept: null, districtCode: '120116' },
];

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧'];
export const GIVEN_NAMES = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '志强', '海燕', '晓东', '文博', '思远', '雨桐', '子涵'];

/**
 * Who reports on a department's tasks in the demo city: a district government's tasks are answered
 * by its district bureau's officer (district-user for 和平区), a member unit's by its staff member
 * (dept-user for 市工业和信息化局). Null for units without such a person (the regulator itself).
 */
export function demoReporterOf(dept: { name: string }): string | null {
  const district = TIANJIN_DISTRICTS.find((d) => dept.name === `天津市${d.name}人民政府`);
  if (district) {
    const named = ROLE_USERS.find((u) => u.role === 'district_user' && u.districtCode === district.code);
    return named?.username ?? districtStaffUsername(district.code, 1);
  }
  const unit = CITY_DEPARTMENTS.find((d) => d.name === dept.name && d.kind === 'member');
  if (!unit) return null;
  return ROLE_USERS.find((u) => u.role === 'dept_user' && u.dept === unit.key)?.username ?? `tj-${unit.key}-01`;
}
