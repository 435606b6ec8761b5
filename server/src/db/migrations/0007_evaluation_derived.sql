ALTER TABLE "credit_evaluation" DROP CONSTRAINT "credit_evaluation_entity_id_entity_id_fk";
