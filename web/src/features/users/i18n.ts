import { PASSWORD_MIN } from '@contracts/auth';
import type { Strings } from '@/lib/i18n';

const policyZh = `至少 ${PASSWORD_MIN} 个字符，包含大写字母、小写字母、数字、符号中的至少三类；不能包含用户名，不能是常见或容易猜到的密码（如 Password@123）`;
const policyEn = `At least ${PASSWORD_MIN} characters, using three of: upper case, lower case, digits, symbols; not containing the username, and not a common or guessable password (like Password@123)`;

export const userStrings = {
  description: [
    '维护各部门、各区的平台账号及其角色。账号不删除，不再使用时停用即可。',
    'Platform accounts of every department and district, and their roles. Accounts are never deleted: disable them instead.',
  ],
  // Department tree
  deptTree: ['组织机构', 'Departments'],
  deptSearch: ['搜索部门名称或别名', 'Search departments'],
  allDepts: ['全部部门', 'All departments'],
  deptFilter: ['部门：{name}（含下级部门）', 'Department: {name} (and below)'],
  noDepts: ['没有匹配的部门', 'No matching department'],
  // Columns and fields
  username: ['用户名', 'Username'],
  displayName: ['姓名', 'Name'],
  dept: ['所属部门', 'Department'],
  district: ['所属区划', 'District'],
  phone: ['联系电话', 'Phone'],
  email: ['电子邮箱', 'E-mail'],
  roles: ['角色', 'Roles'],
  uscc: ['统一社会信用代码', 'Unified social credit code'],
  lastLogin: ['最近登录', 'Last login'],
  never: ['从未登录', 'Never'],
  locked: ['已锁定', 'Locked'],
  lockedUntil: [
    '从 {n} 个网络地址连续登录失败，已暂停从这些地址登录，最迟 {time} 自动恢复；从其他地址仍可正常登录。可点“解锁”立即恢复。',
    'Repeated failed logins from {n} address(es): logging in from there is paused until {time} at the latest; other addresses are not affected. “Unlock” lifts it now.',
  ],
  lockedShort: ['暂停登录至 {time}', 'Paused until {time}'],
  keywordPlaceholder: ['用户名、姓名、电话或邮箱', 'Username, name, phone, email'],
  // Row actions
  disable: ['停用', 'Disable'],
  enable: ['启用', 'Enable'],
  confirmDisable: ['确认停用「{name}」吗？', 'Disable “{name}”?'],
  confirmDisableHint: ['停用后该账号立即退出登录，且不能再登录。', 'The account is logged out at once and can no longer log in.'],
  confirmEnable: ['确认启用「{name}」吗？', 'Enable “{name}”?'],
  disabledDone: ['已停用', 'Disabled'],
  enabledDone: ['已启用', 'Enabled'],
  selfDisable: ['不能停用当前登录的账号', 'You cannot disable your own account'],
  more: ['更多', 'More'],
  resetPassword: ['重置密码', 'Reset password'],
  unlock: ['解锁', 'Unlock'],
  confirmUnlock: ['确认解锁「{name}」吗？', 'Unlock “{name}”?'],
  unlocked: ['已解锁', 'Unlocked'],
  imported: ['导入完成，列表已刷新', 'Import done; the list is refreshed'],
  // Create / edit form
  createTitle: ['新增用户', 'New user'],
  editTitle: ['修改用户：{name}', 'Edit user: {name}'],
  usernameHint: ['登录名，创建后不可修改', 'Used to log in; fixed once created'],
  deptPlaceholder: ['选择所属部门', 'Choose a department'],
  districtPlaceholder: ['选择所属区划', 'Choose a district'],
  districtHint: ['不填则使用所属部门的区划', 'Left empty, the department’s district is used'],
  selfLockHint: ['不能修改本人的角色和状态', 'You cannot change your own roles or status'],
  rolesHint: [
    '只列出您可以授予的角色；角色的数据范围按该用户所在部门、区划、企业计算，不能超出您本人的数据权限',
    'Only roles you may grant are listed; a role’s data scope, applied to this user’s department, district and enterprise, may not exceed yours',
  ],
  roleNotHere: ['在此部门或区划超出您的数据权限', 'beyond your data scope here'],
  rolesBlocked: [
    '以下角色作用于该用户所在的部门、区划或企业时，会超出您的数据权限，不能授予：{names}',
    'Applied to this user’s department, district or enterprise, these roles would reach beyond your data scope: {names}',
  ],
  usccHint: ['企业用户必填，用于限定其只能查看本企业数据', 'Required for enterprise users: it limits them to their own enterprise’s data'],
  usccRequired: ['企业用户须填写统一社会信用代码', 'An enterprise user needs a unified social credit code'],
  usccLength: ['统一社会信用代码应为 18 位，当前为 {n} 位', 'A unified social credit code has 18 characters; this one has {n}'],
  usccCharset: ['第 {pos} 位字符不在代码字符集内（不使用 I、O、S、V、Z）', 'Character {pos} is not allowed (I, O, S, V and Z are not used)'],
  usccRegion: ['第 3–8 位应为登记管理机关的行政区划代码（6 位数字）', 'Characters 3–8 must be the 6-digit district code of the registering authority'],
  usccChecksum: ['校验码错误：第 18 位应为「{expected}」', 'Wrong check character: character 18 should be “{expected}”'],
  initialPassword: ['初始密码', 'Initial password'],
  initialPasswordHint: [`${policyZh}；用户首次登录时须修改`, `${policyEn}; the user must change it at first login`],
  // Reset password
  resetTitle: ['重置密码：{name}', 'Reset password: {name}'],
  resetHint: [
    '重置后该用户立即退出登录，下次登录时必须先修改密码；如账号已被锁定，也会同时解锁。请通过安全渠道把新密码告知本人。',
    'The user is logged out at once and must change the password at next login; a locked account is unlocked too. Give the new password to the user through a safe channel.',
  ],
  newPassword: ['新密码', 'New password'],
  confirmPassword: ['确认新密码', 'Confirm new password'],
  policy: [policyZh, policyEn],
  mismatch: ['两次输入的密码不一致', 'The passwords do not match'],
  resetDone: ['密码已重置，该用户下次登录时须修改密码', 'Password reset; the user must change it at next login'],
} as const satisfies Strings;
