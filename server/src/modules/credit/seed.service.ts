/** The credit module's built-ins: the shipped scoring models and the joint-sanction rules. */
import type { Database } from '../../db/client.js';
import { seedSanctionRules } from './sanctions/sanction.service.js';
import { seedCreditModels } from './scoring/scoring.service.js';

/** Idempotent: adds what is missing and never overwrites the office's edits; run at every start. */
export async function seedCreditBuiltins(db: Database): Promise<{ modelsAdded: number; rulesAdded: number }> {
  const models = await seedCreditModels(db);
  const rulesAdded = await seedSanctionRules(db);
  return { modelsAdded: models.added, rulesAdded };
}
