import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { passwordPolicyProblems } from '../../../../contracts/auth.js';
import { pickLang } from '../../../../contracts/i18n.js';
import { AppError } from '../http/errors.js';
import { passwordStrength } from './password-strength.js';

/**
 * argon2id parameters. 64 MiB, 3 passes, 1 lane: about 130 ms per verification on the 2-core
 * reference machine (docs/BENCHMARKS.md), above OWASP's minimum (19 MiB, t=2) and inside the
 * 50–250 ms login budget. Parameters are stored in each hash, so raising them later only affects
 * new hashes.
 */
export const ARGON2_PARAMS = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

/**
 * The cost Vitest runs at: about 2 ms instead of 130 ms. A test run hashes and verifies hundreds of
 * passwords (the template's accounts, each file's logins, every user created or imported), which at
 * the production cost was over a minute of each CI pass (docs/BENCHMARKS.md, "CI duration"). Still
 * argon2id, so every code path is the production one; only the parameters stored in the hash differ.
 */
export const ARGON2_TEST_PARAMS = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

/**
 * The parameters new hashes get: ARGON2_TEST_PARAMS only when ZHILIANG_PASSWORD_HASH=test (set by
 * vitest.config.ts) inside a Vitest run; outside one (the server, the CLI, the e2e tests) always the
 * production cost, whatever the environment says.
 */
export function argon2Params(env: NodeJS.ProcessEnv = process.env): typeof ARGON2_PARAMS | typeof ARGON2_TEST_PARAMS {
  return env.ZHILIANG_PASSWORD_HASH === 'test' && env.VITEST === 'true' ? ARGON2_TEST_PARAMS : ARGON2_PARAMS;
}

/**
 * The password policy, enforced by every use case that sets a password — not only at the HTTP edge,
 * so the CLI, the import and future callers cannot bypass it: length and character classes, not the
 * username, and not guessable (zxcvbn score ≥ 3 with the account's own words added). 400
 * PASSWORD_POLICY saying why, each reason on the form field `path`.
 */
export async function assertPasswordPolicy(
  password: string,
  account: { username?: string | null; displayName?: string | null } = {},
  opts: { path?: string } = {},
): Promise<void> {
  const problems = await passwordProblems(password, account);
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', {
      message: { zh: `密码不符合安全要求：${problems.map((p) => pickLang(p, 'zh')).join('；')}`, en: `The password does not meet the policy: ${problems.map((p) => pickLang(p, 'en')).join('; ')}` },
      details: problems.map((p) => ({ path: opts.path ?? 'password', code: 'password_policy', message: p })),
    });
  }
}

/** Every reason the policy refuses the password (bilingual), empty when it passes. */
export async function passwordProblems(password: string, account: { username?: string | null; displayName?: string | null } = {}): Promise<string[]> {
  const problems = passwordPolicyProblems(password, account);
  // The estimate only adds to a password that passes the simple rules (it says nothing new about "abc").
  if (problems.length > 0) return problems;
  return (await passwordStrength(password, account)).problems;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Params());
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spend the same time as a real verification when the username does not exist (no user enumeration by timing). */
export async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-for-timing-Aa1!');
  await verifyPassword(await dummyHash, password);
}

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGIT = '23456789';
const SYMBOL = '!@#$%^&*-_=+';

/**
 * A random password that satisfies the policy (16 characters, all four classes, no look-alikes):
 * about 95 bits, far beyond the strength estimate's threshold (a test holds generated passwords to
 * the whole policy).
 */
export function generatePassword(length = 16): string {
  const all = LOWER + UPPER + DIGIT + SYMBOL;
  const chars = [LOWER, UPPER, DIGIT, SYMBOL].map((set) => set[randomInt(set.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  const password = chars.join('');
  if (passwordPolicyProblems(password).length > 0) return generatePassword(length);
  return password;
}
