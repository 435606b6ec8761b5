import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { passwordPolicyProblems } from '../../../../contracts/auth.js';
import { pickLang } from '../../../../contracts/i18n.js';
import { AppError } from '../http/errors.js';

/**
 * argon2id parameters. 64 MiB, 3 passes, 1 lane: about 130 ms per verification on the 2-core
 * reference machine (docs/BENCHMARKS.md), above OWASP's minimum (19 MiB, t=2) and inside the
 * 50–250 ms login budget. Parameters are stored in each hash, so raising them later only affects
 * new hashes.
 */
export const ARGON2_PARAMS = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;

/**
 * The password policy, enforced by every use case that sets a password — not only at the HTTP edge,
 * so the CLI and future callers cannot bypass it.
 */
export function assertPasswordPolicy(password: string): void {
  const problems = passwordPolicyProblems(password);
  if (problems.length > 0) {
    throw new AppError('PASSWORD_POLICY', {
      message: { zh: `密码不符合安全要求：${problems.map((p) => pickLang(p, 'zh')).join('；')}`, en: `The password does not meet the policy: ${problems.map((p) => pickLang(p, 'en')).join('; ')}` },
      details: problems.map((p) => ({ path: 'password', code: 'password_policy', message: p })),
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
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

/** A random password that satisfies the policy (16 characters, all four classes, no look-alikes). */
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
