import { z } from 'zod';

/**
 * Stable error codes: the one code → HTTP status table, with the Chinese message first and the
 * English fallback. Clients switch on `code`, never on the message text.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '请求参数不合法', en: 'The request is invalid' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  JSON_TOO_DEEP: { status: 400, zh: '请求体 JSON 嵌套层级过深', en: 'The request body nests JSON too deeply' },
  MALFORMED_URL: { status: 400, zh: '请求地址不合法（含无法解码的 % 编码）', en: 'The request URL is malformed (undecodable % escape)' },
  PARAM_TOO_LONG: { status: 414, zh: '请求地址中的参数过长', en: 'A parameter in the request URL is too long' },
  HEADERS_TOO_LARGE: { status: 431, zh: '请求头或请求地址过长', en: 'The request headers or URL are too large' },
  BAD_REQUEST: { status: 400, zh: '无法解析的 HTTP 请求', en: 'The HTTP request cannot be parsed' },
  REQUEST_TIMEOUT: { status: 408, zh: '请求超时，请重试', en: 'The request took too long to arrive; retry' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '账号已锁定，请稍后再试', en: 'The account is locked; try again later' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'The account is disabled; contact an administrator' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '首次登录或密码已重置，请先修改密码', en: 'You must change your password first' },
  PASSWORD_POLICY: { status: 400, zh: '密码不符合安全要求', en: 'The password does not meet the policy' },
  PASSWORD_WRONG: { status: 400, zh: '原密码错误', en: 'The current password is wrong' },
  PASSWORD_REUSED: { status: 400, zh: '新密码不能与原密码相同', en: 'The new password must differ from the current one' },
  FORBIDDEN: { status: 403, zh: '没有执行此操作的权限', en: 'You do not have permission to do this' },
  OUT_OF_SCOPE: { status: 403, zh: '超出您的数据权限范围', en: 'This record is outside your data scope' },
  CSRF_INVALID: { status: 403, zh: '缺少或错误的 CSRF 令牌，请刷新页面后重试', en: 'Missing or wrong CSRF token; reload the page and retry' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Not found' },
  JOB_NOT_FOUND: { status: 404, zh: '没有这个定时任务', en: 'No such job' },
  JOB_RUNNING: { status: 409, zh: '该任务正在执行，请稍后再试', en: 'The job is running; try again when it has finished' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已存在', en: 'The username is already taken' },
  NAME_TAKEN: { status: 409, zh: '同级下名称已存在', en: 'The name is already used at this level' },
  CODE_TAKEN: { status: 409, zh: '编码已存在', en: 'The code is already used' },
  DEPT_HAS_USERS: { status: 409, zh: '部门下仍有用户，不能删除', en: 'The department still has users' },
  DEPT_HAS_CHILDREN: { status: 409, zh: '部门下仍有下级部门，不能删除', en: 'The department still has sub-departments' },
  DEPT_CYCLE: { status: 400, zh: '不能把部门移动到自身或其下级部门之下', en: 'A department cannot move under itself or its descendants' },
  DISTRICT_IN_USE: { status: 409, zh: '区划仍被使用，不能删除', en: 'The district is still in use' },
  ROLE_IN_USE: { status: 409, zh: '角色仍有用户，不能删除', en: 'The role still has users' },
  ROLE_BUILTIN: { status: 409, zh: '内置角色不能删除', en: 'Built-in roles cannot be deleted' },
  ROLE_ADMIN_LOCKED: { status: 409, zh: '系统管理员角色必须保留全部权限与全部数据范围', en: 'The administrator role must keep every permission and the full data scope' },
  SELF_LOCKOUT: { status: 409, zh: '不能停用或删除当前登录的账号', en: 'You cannot disable your own account' },
  DICT_BUILTIN: { status: 409, zh: '系统字典项不能删除或修改取值', en: 'Built-in dictionary entries cannot be deleted or re-keyed' },
  DICT_VALUE_TAKEN: { status: 409, zh: '字典取值已存在', en: 'The dictionary value already exists' },
  CALENDAR_OUT_OF_RANGE: { status: 400, zh: '日期所在年度未载入工作日历', en: 'The year of the date is not in the working-day calendar' },
  CALENDAR_YEAR_EXISTS: { status: 409, zh: '该年度日历已存在', en: 'That calendar year already exists' },
  USCC_INVALID: { status: 400, zh: '统一社会信用代码不合法', en: 'Invalid unified social credit code' },
  IMPORT_INVALID: { status: 400, zh: '导入文件有错误，未导入任何数据', en: 'The file has errors; nothing was imported' },
  IMPORT_FILE_INVALID: { status: 400, zh: '无法读取导入文件，请使用下载的模板（.xlsx）', en: 'The file cannot be read; use the downloaded .xlsx template' },
  UNSUPPORTED_FILE_TYPE: { status: 415, zh: '不支持的文件类型，请上传 .txt 或 .docx 文件', en: 'Unsupported file type; upload a .txt or .docx file' },
  INVALID_DOCX: { status: 400, zh: '文件不是有效的 Word（.docx）文档', en: 'The file is not a valid Word (.docx) document' },
  PLAN_PUBLISHED: { status: 409, zh: '计划已发布，不能再次发布或修改草稿', en: 'The plan is already published' },
  PLAN_DEADLINES_PASSED: {
    status: 409,
    zh: '部分任务的完成期限已过，发布后将立即逾期：请确认保留原期限，或将已过的期限顺延后再发布',
    en: 'Some deadlines have passed and those tasks would be overdue at once: confirm keeping them, or move them, then publish',
  },
  UNITS_UNMAPPED: { status: 400, zh: '仍有责任单位未对应到部门，请先确认映射', en: 'Some responsible units are not mapped to departments yet' },
  NOT_YOUR_TASK: { status: 403, zh: '只能报送本单位承担的任务', en: 'You can only report on your own unit\'s tasks' },
  REPORT_DECIDED: { status: 409, zh: '该报告已审核', en: 'The report has already been reviewed' },
  REMINDER_ANSWERED: { status: 409, zh: '该督办已答复', en: 'The reminder has already been answered' },
  ASSESSMENT_PUBLISHED: { status: 409, zh: '考核结果已发布，不能再修改或重复发布', en: 'The assessment results are already published' },
  ASSESSMENT_NOT_SCORED: { status: 409, zh: '尚未计算得分或数据已修改，请先计算得分', en: 'Score the assessment (again) before publishing' },
  NOT_YOUR_UNIT: { status: 403, zh: '只能为本单位报送整改', en: 'You can only report for your own unit' },
  RECTIFICATION_NOT_NEEDED: { status: 409, zh: '该考核结果无需整改', en: 'This result needs no rectification' },
  RECTIFICATION_DECIDED: { status: 409, zh: '该整改报告已审核或整改已通过', en: 'The rectification has already been reviewed' },
  USCC_TAKEN: { status: 409, zh: '该统一社会信用代码的市场主体已存在', en: 'An entity with this USCC already exists' },
  NOT_YOUR_ENTITY: { status: 403, zh: '企业用户只能查看和办理本企业的信息', en: 'Enterprise users can only see and act for their own enterprise' },
  ENTITY_UNKNOWN: { status: 404, zh: '市场主体不存在，请先在主体名录中登记', en: 'No such market entity; register it first' },
  CORRECTION_INVALID: { status: 400, zh: '更正记录须与被更正记录属于同一主体、同一类型，且被更正记录尚未被更正', en: 'A correction must name an uncorrected record of the same entity and kind' },
  RECORD_KIND_NOT_ALLOWED: { status: 403, zh: '无权添加该类型的档案记录', en: 'You may not add records of this kind' },
  PERSONAL_DATA_FOUND: { status: 400, zh: '内容含有不得公开的个人信息或链接，请删除后再提交', en: 'The text contains personal data or links that may not be published; remove them and submit again' },
  SUBMISSION_DECIDED: { status: 409, zh: '该报送已审核，不能再次审核', en: 'This submission has already been reviewed' },
  SUBMISSION_REVIEW_SELF: { status: 403, zh: '不能审核本人报送的信息，须由其他工作人员审核', en: 'What you submitted must be reviewed by someone else' },
  LIST_ENTRY_ACTIVE: { status: 409, zh: '该主体已在此名单中', en: 'The entity is already on this list' },
  LIST_STEP_INVALID: { status: 409, zh: '当前状态下不能执行此操作', en: 'This step is not possible in the current state' },
  REMOVAL_TOO_EARLY: { status: 409, zh: '尚未满足最短期限，暂不能移出', en: 'The minimum period has not passed yet' },
  APPROVAL_SELF: { status: 409, zh: '列入决定须由上级机关审批，不能自行审批', en: 'The listing must be approved by the higher authority, not by its author' },
  REPAIR_CONDITIONS_UNMET: { status: 409, zh: '不符合信用修复条件', en: 'The conditions for credit repair are not met' },
  REPAIR_PENDING: { status: 409, zh: '已有办理中的信用修复申请', en: 'A repair application is already in progress' },
  OBJECTION_PERIOD_OVER: { status: 409, zh: '异议期限已届满（公示之日起 30 日内）', en: 'The objection period (30 days from publication) is over' },
  MODEL_INVALID: { status: 400, zh: '评价模型配置不合法', en: 'The scoring model is invalid' },
  RATE_LIMITED: { status: 429, zh: '查询过于频繁，请稍后再试', en: 'Too many requests; try again shortly' },
  LOGIN_RATE_LIMITED: { status: 429, zh: '当前网络地址登录失败次数过多，请稍后再试', en: 'Too many failed logins from this address; try again later' },
  CONFLICT: { status: 409, zh: '数据已被修改，请刷新后重试', en: 'The data changed meanwhile; reload and retry' },
  FILE_TOO_COMPLEX: { status: 422, zh: '文件过大或过于复杂，无法在限定的时间和内存内读取，请拆分或简化后重试', en: 'The file is too large or too complex to read within the time and memory limits; split or simplify it and retry' },
  SERVER_BUSY: { status: 503, zh: '服务器正忙，请稍后重试', en: 'The server is busy; try again shortly' },
  DB_UNAVAILABLE: { status: 503, zh: '数据库暂时无法连接，请稍后重试', en: 'The database is temporarily unavailable; try again shortly' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请联系管理员并提供请求编号', en: 'Internal error; contact the administrator with the request id' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}

/** The error envelope as a schema: one named component (`ErrorBody`) of the OpenAPI document. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'ErrorBody', description: '错误响应：稳定的错误码、用户语言的说明、字段明细和请求编号。Every error: a stable code, a message in the user\'s language, field details and the request id.' });

export function errorMessage(code: ErrorCode, lang: 'zh' | 'en'): string {
  return ERRORS[code][lang];
}
