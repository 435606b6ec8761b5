import { describe, expect, it } from 'vitest';
import { endsWithUnitsClause, parseUnitsClause, splitUnitNames, unitsOfItem } from './units.js';

describe('parseUnitsClause', () => {
  it('reads 牵头 as lead and 配合 as support', () => {
    expect(parseUnitsClause('市经济信息化委牵头,盐城质监局、市发展改革委配合')).toEqual({
      lead: ['市经济信息化委'],
      support: ['盐城质监局', '市发展改革委'],
      joint: [],
      sticky: [],
    });
  });

  it('takes every unit after 牵头单位: as a lead', () => {
    expect(parseUnitsClause('牵头单位:市质监局,各县区政府')).toMatchObject({ lead: ['市质监局', '各县区政府'], support: [], joint: [] });
  });

  it('reads labelled lead, support and responsible units', () => {
    expect(parseUnitsClause('牵头单位:市质监局;配合单位:市发展改革委、市经济和信息化委')).toMatchObject({
      lead: ['市质监局'],
      support: ['市发展改革委', '市经济和信息化委'],
    });
    expect(parseUnitsClause('责任单位:市质监局、市工商局和市公安局')).toMatchObject({ joint: ['市质监局', '市工商局', '市公安局'] });
    expect(parseUnitsClause('市质监局负责,市商务局、市工商局配合')).toMatchObject({ lead: ['市质监局'], support: ['市商务局', '市工商局'] });
  });

  it('reads 按职责分工负责 and 共同负责 lists as joint, without the trailing 等', () => {
    expect(parseUnitsClause('市发展改革委、市科委、市工业和信息化委等按职责分工负责').joint).toEqual(['市发展改革委', '市科委', '市工业和信息化委']);
    expect(parseUnitsClause('市发展改革委、盐城质监局、市旅游局等部门共同负责').joint).toEqual(['市发展改革委', '盐城质监局', '市旅游局']);
  });

  it('keeps names as printed, without inventing a 市/省 prefix, and does not split names at 和', () => {
    expect(parseUnitsClause('发展改革、经济和信息化、住房城乡建设、质监等部门按职责分工负责').joint).toEqual(['发展改革', '经济和信息化', '住房城乡建设', '质监']);
    expect(parseUnitsClause('发展和改革、商务,海关等部门按职责分工负责').joint).toEqual(['发展和改革', '商务', '海关']);
  });

  it('takes a group as a unit', () => {
    expect(parseUnitsClause('市质量工作领导小组成员单位、天津银监局等按职责分工负责').joint).toEqual(['市质量工作领导小组成员单位', '天津银监局']);
    expect(parseUnitsClause('盐城质监局牵头,市质量强市领导小组各成员单位配合').support).toEqual(['市质量强市领导小组各成员单位']);
  });

  it('reads 以下均需…落实 as units for this and every later item', () => {
    const clause = parseUnitsClause('市农业农村委、市市场监管委、市知识产权局等部门及各区人民政府负责落实。以下均需各区人民政府落实,不再列出');
    expect(clause.joint).toEqual(['市农业农村委', '市市场监管委', '市知识产权局', '各区人民政府']);
    expect(clause.sticky).toEqual(['各区人民政府']);
  });

  it('gives each name one role in an item, 牵头 first', () => {
    expect(parseUnitsClause('市质监局牵头,市质监局、市商务局配合')).toMatchObject({ lead: ['市质监局'], support: ['市商务局'] });
  });
});

describe('splitUnitNames', () => {
  it('splits on 、，, and on 和/及 only between complete names', () => {
    expect(splitUnitNames('市质监局，市商务局,市公安局')).toEqual(['市质监局', '市商务局', '市公安局']);
    expect(splitUnitNames('市卫生健康委和市医保局及各区人民政府')).toEqual(['市卫生健康委', '市医保局', '各区人民政府']);
    expect(splitUnitNames('市工业和信息化委、市文化和旅游局、市粮食和物资局')).toEqual(['市工业和信息化委', '市文化和旅游局', '市粮食和物资局']);
  });

  it('strips 等, 等部门, 等单位 and de-duplicates', () => {
    expect(splitUnitNames('市质监局、市商务局等部门')).toEqual(['市质监局', '市商务局']);
    expect(splitUnitNames('市质监局、市质监局、天津海关等单位')).toEqual(['市质监局', '天津海关']);
    expect(splitUnitNames('各区政府等')).toEqual(['各区政府']);
  });
});

describe('unitsOfItem', () => {
  it('reads the bracket that closes the item, in either width already normalised', () => {
    expect(unitsOfItem('加强计量。(市质监局牵头,市商务局配合)')).toMatchObject({ lead: ['市质监局'], support: ['市商务局'] });
    expect(unitsOfItem('降本增效。 (经济和信息化、国资、质监等部门按职责分工负责)')?.joint).toEqual(['经济和信息化', '国资', '质监']);
  });

  it('reads the clause when a deadline follows it, as plans often print it', () => {
    expect(unitsOfItem('制修订行业标准。(市市场监管委牵头,市工业和信息化局配合)2024年6月30日前完成。')).toMatchObject({ lead: ['市市场监管委'], support: ['市工业和信息化局'] });
    expect(unitsOfItem('建成追溯平台。(市商务局负责)，2025年底前完成')?.joint).toEqual(['市商务局']);
    expect(unitsOfItem('推进品牌建设。(市发展改革委牵头)长期坚持。')?.lead).toEqual(['市发展改革委']);
    expect(endsWithUnitsClause('…(市质监局牵头)2024年12月底前完成。')).toBe(true);
    // Words after the bracket that are not a deadline: the bracket does not close the item.
    expect(unitsOfItem('报送(市质监局牵头)的方案由各区组织实施。')).toBeNull();
  });

  it('handles brackets inside the clause', () => {
    expect(unitsOfItem('加强考核。(各县(市、区)人民政府负责落实)')?.joint).toEqual(['各县(市、区)人民政府']);
  });

  it('reads a separate paragraph ending in 负责落实', () => {
    expect(unitsOfItem('完成验收。\n市场监管所、县商务局负责落实。')?.joint).toEqual(['市场监管所', '县商务局']);
  });

  it('finds no units in an item without a clause, or with a bracket that names none', () => {
    expect(unitsOfItem('开展质量攻关活动,帮助企业提质增效。')).toBeNull();
    expect(unitsOfItem('完善通报咨询工作机制(WTO/TBT-SPS)')).toBeNull();
    expect(unitsOfItem('开展QC小组活动(质量管理小组)')).toBeNull();
    expect(unitsOfItem('(2023—2025年)')).toBeNull();
    // A sentence on the item's first line that ends in 负责落实 is content, not a units paragraph.
    expect(unitsOfItem('各区对本地区质量工作负责落实。')).toBeNull();
  });

  it('takes no units from a bracket without a word of responsibility', () => {
    expect(unitsOfItem('报市质量工作领导小组办公室(市市场监管委)。')).toBeNull();
  });

  it('tells which lines end with a units clause', () => {
    expect(endsWithUnitsClause('…(市质监局牵头)')).toBe(true);
    expect(endsWithUnitsClause('…负责落实。')).toBe(true);
    expect(endsWithUnitsClause('…报市质量工作领导小组办公室(市市场监管委)。')).toBe(false);
    expect(endsWithUnitsClause('…一致性评价工作。')).toBe(false);
  });
});
