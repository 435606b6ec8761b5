/**
 * Building blocks of the demo city's market entities (§8): trade names (字号), industry words per
 * GB/T 4754 division, products with their licence/CCC duties, and how often each kind of entity
 * occurs. Trade names are generic two-character words, combined at random, so no real brand is
 * named on purpose.
 */

/** First and second characters of a 字号; the product of both gives ~2,500 combinations. */
export const TRADE_FIRST = [
  '泰', '华', '宏', '瑞', '鑫', '盛', '恒', '信', '隆', '通', '安', '达', '嘉', '润', '锦', '和', '昌', '丰', '佳', '博',
  '诚', '德', '海', '津', '渤', '远', '源', '创', '卓', '立', '新', '天', '富', '永', '金', '合', '建', '广', '振', '益',
  '弘', '景', '明', '汇', '凯', '晟', '宇', '腾', '正', '康',
];
export const TRADE_SECOND = [
  '达', '诚', '远', '丰', '盛', '泰', '源', '利', '成', '发', '昌', '兴', '华', '通', '益', '信', '安', '恒', '瑞', '宏',
  '博', '翔', '辉', '凯', '晨', '越', '润', '程', '顺', '鹏', '阳', '峰', '川', '岳', '航', '德', '禾', '锐', '拓', '耀',
  '衡', '迈', '尚', '业', '嘉', '骏', '茂', '泽', '旭', '贤',
];

export interface DemoProduct {
  name: string;
  category: string;
  /** 工业产品生产许可证 or 食品生产许可证 needed (国务院 catalogue / 食品安全法 Art. 35). */
  licenceRequired: boolean;
  /** On the CCC catalogue (强制性产品认证目录). */
  cccRequired: boolean;
  standard: string;
}

const p = (name: string, category: string, licenceRequired: boolean, cccRequired: boolean, standard: string): DemoProduct => ({ name, category, licenceRequired, cccRequired, standard });

/** Industry words of a name, per division; the first word is the commonest. */
export const INDUSTRY_WORDS: Record<string, readonly string[]> = {
  '01': ['农业科技', '蔬菜种植'], '02': ['林业', '苗木'], '03': ['畜牧', '养殖'], '04': ['水产', '渔业'], '05': ['农业服务', '农机服务'],
  '06': ['煤炭'], '07': ['油气技术服务'], '08': ['矿业'], '09': ['有色矿业'], '10': ['砂石'], '11': ['矿山技术服务'], '12': ['矿业'],
  '13': ['食品', '粮油', '肉类食品'], '14': ['食品', '乳业', '调味品'], '15': ['饮品', '酒业', '茶业'], '16': ['烟草'], '17': ['纺织'], '18': ['服饰', '服装'],
  '19': ['鞋业', '皮具'], '20': ['木业'], '21': ['家具'], '22': ['纸业', '包装'], '23': ['印刷', '印务'], '24': ['文体用品', '玩具'], '25': ['石化'],
  '26': ['化工', '涂料'], '27': ['制药', '生物医药'], '28': ['化纤'], '29': ['塑料制品', '橡胶'], '30': ['建材', '玻璃制品'], '31': ['钢铁', '钢管'], '32': ['铝业', '铜业'],
  '33': ['金属制品', '五金'], '34': ['机械', '通用设备'], '35': ['专用设备', '医疗器械'], '36': ['汽车零部件', '汽车配件'], '37': ['船舶装备', '轨道交通装备'],
  '38': ['电线电缆', '电器', '燃气灶具'], '39': ['电子', '通信设备'], '40': ['仪器仪表'], '41': ['工艺品'], '42': ['再生资源'], '43': ['设备维修'],
  '44': ['热力', '新能源'], '45': ['燃气'], '46': ['水务'], '47': ['建设', '建筑'], '48': ['路桥工程'], '49': ['安装工程'], '50': ['装饰工程'],
  '51': ['商贸', '贸易'], '52': ['商贸', '超市'], '53': ['铁路物流'], '54': ['运输', '物流'], '55': ['航运'], '56': ['航空服务'], '57': ['管道运输'],
  '58': ['国际货运代理'], '59': ['仓储', '冷链物流'], '60': ['快递'], '61': ['酒店'], '62': ['餐饮管理', '餐饮'], '63': ['通信技术'], '64': ['网络科技'],
  '65': ['信息技术', '软件'], '66': ['小额贷款'], '67': ['投资管理'], '68': ['保险代理'], '69': ['融资租赁'], '70': ['房地产开发', '物业管理'],
  '71': ['设备租赁'], '72': ['企业管理咨询', '商务服务'], '73': ['科技研究'], '74': ['检测技术', '工程设计'], '75': ['科技推广'], '76': ['水利工程'],
  '77': ['环保科技'], '78': ['市政设施管理'], '79': ['土地整理'], '80': ['家政服务', '洗染'], '81': ['汽车维修', '家电维修'], '82': ['清洁服务'],
  '83': ['教育科技', '培训'], '84': ['医疗管理', '健康管理'], '85': ['养老服务'], '86': ['文化传媒'], '87': ['影视制作'], '88': ['文化艺术'], '89': ['体育发展'],
  '90': ['娱乐'], '91': ['社会组织服务'], '92': ['社区服务'], '93': ['社会团体服务'], '94': ['社会保障服务'], '95': ['群众团体服务'], '96': ['基层组织服务'], '97': ['国际组织服务'],
};

/** Shop words of 个体工商户 names (和平区张记便利店), per division. */
export const SHOP_WORDS: Record<string, readonly string[]> = {
  '52': ['便利店', '副食店', '超市', '五金店', '日杂店', '水果店', '烟酒店', '粮油店'],
  '51': ['批发部', '经销部'],
  '62': ['小吃店', '饭馆', '面馆', '包子铺', '快餐店', '早点铺'],
  '80': ['理发店', '洗衣店', '照相馆'],
  '81': ['汽车修理部', '家电维修部', '修车铺'],
  '14': ['糕点坊', '豆制品作坊'],
  '13': ['粮油加工坊', '熟食加工坊'],
};

/** Products made in a manufacturing division; licence and CCC flags follow the catalogues. */
export const PRODUCTS: Record<string, readonly DemoProduct[]> = {
  '13': [p('小麦粉', '粮食加工品', true, false, 'GB/T 1355'), p('熟肉制品', '肉制品', true, false, 'GB 2726'), p('食用植物油', '食用油、油脂及其制品', true, false, 'GB 2716')],
  '14': [p('糕点', '糕点', true, false, 'GB 7099'), p('酱油', '调味品', true, false, 'GB 2717'), p('速冻面米食品', '速冻食品', true, false, 'GB 19295'), p('发酵乳', '乳制品', true, false, 'GB 19302')],
  '15': [p('包装饮用水', '饮料', true, false, 'GB 19298'), p('白酒', '酒类', true, false, 'GB 2757'), p('绿茶', '茶叶及相关制品', true, false, 'GB/T 14456.1')],
  '17': [p('棉纱', '纺织品', false, false, 'FZ/T 12001'), p('毛巾', '纺织品', false, false, 'GB/T 22864')],
  '18': [p('儿童服装', '服装', false, false, 'GB 31701'), p('衬衫', '服装', false, false, 'GB/T 2660')],
  '19': [p('皮鞋', '鞋类', false, false, 'QB/T 1002'), p('箱包', '皮具', false, false, 'QB/T 1333')],
  '20': [p('人造板', '人造板', true, false, 'GB/T 39600')],
  '21': [p('儿童家具', '家具', false, false, 'GB 28007'), p('办公椅', '家具', false, false, 'GB/T 10357.3')],
  '22': [p('食品用纸包装', '食品相关产品', true, false, 'GB 4806.8'), p('瓦楞纸箱', '纸制品', false, false, 'GB/T 6543')],
  '23': [p('包装装潢印刷品', '印刷品', false, false, 'CY/T 5')],
  '24': [p('毛绒玩具', '玩具', false, true, 'GB 6675'), p('塑胶玩具', '玩具', false, true, 'GB 6675'), p('学生文具', '文具', false, false, 'GB 21027')],
  '25': [p('车用汽油', '石油产品', false, false, 'GB 17930')],
  '26': [p('危险化学品', '化学品', true, false, 'GB 30000'), p('建筑防水卷材', '防水材料', true, false, 'GB 12952'), p('溶剂型涂料', '涂料', false, false, 'GB 18581')],
  '27': [p('化学药品制剂', '药品', false, false, '中国药典')],
  '28': [p('涤纶短纤维', '化纤', false, false, 'GB/T 14464')],
  '29': [p('塑料管材', '塑料制品', false, false, 'GB/T 10002.1'), p('食品用塑料包装容器', '食品相关产品', true, false, 'GB 4806.7'), p('轮胎', '橡胶制品', false, true, 'GB 9743')],
  '30': [p('水泥', '建材', true, false, 'GB 175'), p('安全玻璃', '建材', false, true, 'GB 15763'), p('陶瓷砖', '建材', false, false, 'GB/T 4100')],
  '31': [p('钢筋混凝土用热轧带肋钢筋', '钢材', true, false, 'GB/T 1499.2'), p('焊接钢管', '钢材', false, false, 'GB/T 3091')],
  '32': [p('铝合金建筑型材', '有色金属', true, false, 'GB/T 5237'), p('铜管', '有色金属', false, false, 'GB/T 1527')],
  '33': [p('压力锅', '金属制品', false, false, 'GB 15066'), p('防盗安全门', '金属制品', false, false, 'GB 17565'), p('燃气用不锈钢波纹软管', '金属制品', false, false, 'CJ/T 197')],
  '34': [p('电动工具', '通用设备', false, true, 'GB/T 3883'), p('空气压缩机', '通用设备', false, false, 'GB/T 13279'), p('电梯', '特种设备', false, false, 'GB/T 7588')],
  '35': [p('医用口罩', '医疗器械', false, false, 'YY 0469'), p('农业机械', '专用设备', false, false, 'GB 10395')],
  '36': [p('机动车制动软管', '汽车零部件', false, true, 'GB 16897'), p('汽车安全带', '汽车零部件', false, true, 'GB 14166'), p('汽车座椅', '汽车零部件', false, true, 'GB 15083')],
  '37': [p('电动自行车', '交通工具', false, true, 'GB 17761'), p('船用配件', '船舶配件', false, false, 'CB/T 3000')],
  '38': [
    p('电线电缆', '电线电缆', true, true, 'GB/T 5023'),
    p('家用燃气灶具', '燃气器具', false, true, 'GB 16410'),
    p('插头插座', '低压电器', false, true, 'GB/T 2099.1'),
    p('小功率电动机', '电机', false, true, 'GB/T 12350'),
    p('电热水壶', '家用电器', false, true, 'GB 4706.19'),
  ],
  '39': [p('移动电源', '信息技术设备', false, true, 'GB 4943.1'), p('电源适配器', '信息技术设备', false, true, 'GB 4943.1'), p('LED 照明模块', '电子元件', false, false, 'GB/T 24823')],
  '40': [p('电能表', '计量器具', false, false, 'GB/T 17215'), p('燃气表', '计量器具', false, false, 'GB/T 6968')],
  '41': [p('工艺礼品', '工艺品', false, false, 'QB/T 2890')],
  '42': [p('再生塑料颗粒', '再生资源', false, false, 'GB/T 40006')],
  '43': [p('设备维修服务', '修理', false, false, 'GB/T 19001')],
};

/** Food divisions: penalties and samplings there fall in the food domain (longer repair period). */
export const FOOD_DIVISIONS = new Set(['13', '14', '15', '62']);

/**
 * How often each section occurs among the city's entities, in per mille. Retail, wholesale and
 * manufacturing dominate, as in any Chinese city's registry; every section occurs.
 */
export const SECTION_WEIGHTS: readonly [string, number][] = [
  ['A', 25], ['B', 3], ['C', 220], ['D', 8], ['E', 45], ['F', 300], ['G', 45], ['H', 90], ['I', 40], ['J', 10],
  ['K', 20], ['L', 60], ['M', 40], ['N', 6], ['O', 50], ['P', 12], ['Q', 12], ['R', 12], ['S', 1], ['T', 1],
];

/** Within a section, the divisions that occur more than others (the rest share equally). */
export const DIVISION_BIAS: Record<string, readonly string[]> = {
  C: ['13', '14', '33', '34', '38', '29', '36', '39', '26', '30', '18', '24', '21', '15'],
  F: ['52', '52', '52', '51'],
  H: ['62', '62', '62', '61'],
};

/** Districts by share of entities: Binhai and the near suburbs hold most producers. */
export const DISTRICT_WEIGHTS: Record<string, number> = {
  '120101': 5, '120102': 5, '120103': 6, '120104': 7, '120105': 5, '120106': 4, '120110': 7, '120111': 8,
  '120112': 6, '120113': 7, '120114': 8, '120115': 5, '120116': 16, '120117': 3, '120118': 5, '120119': 3,
};

/** Street names for addresses. */
export const STREETS = ['解放路', '南京路', '卫津路', '黄河道', '长江道', '中山路', '津塘路', '友谊路', '复康路', '红旗路', '海河东路', '新华路', '建设路', '开发大道', '工业园路', '振华道'];

export const SAMPLING_FAIL_ITEMS = ['标签标识', '菌落总数', '酸价', '绝缘电阻', '导体电阻', '熄火保护装置', '甲醛释放量', '重金属（铅）', '防腐剂超范围使用', '抗拉强度'];
export const LABS = ['天津市产品质量监督检测技术研究院', '天津市食品安全检测技术研究院', '天津市计量监督检测科学研究院'];
export const VIOLATIONS_PRODUCT = ['生产不符合保障人体健康和人身、财产安全的国家标准的产品', '在产品中掺杂、掺假', '生产国家明令淘汰的产品', '伪造产品产地', '未取得生产许可证生产列入目录的产品'];
export const VIOLATIONS_FOOD = ['生产经营不符合食品安全标准的食品', '未按规定进行进货查验', '使用超过保质期的食品原料', '食品标签不符合规定'];
export const VIOLATIONS_OTHER = ['未经认证擅自出厂、销售强制性认证产品', '未按规定公示年度报告', '销售不合格产品'];
export const AWARDS: readonly { name: string; category: 'quality_award' | 'brand' | 'time_honoured' | 'standard_leader'; level: 'national' | 'provincial' | 'city' | 'district' }[] = [
  { name: '天津市质量奖', category: 'quality_award', level: 'provincial' },
  { name: '区长质量奖', category: 'quality_award', level: 'district' },
  { name: '天津老字号', category: 'time_honoured', level: 'provincial' },
  { name: '企业标准领跑者', category: 'standard_leader', level: 'national' },
  { name: '天津市知名品牌', category: 'brand', level: 'provincial' },
];
