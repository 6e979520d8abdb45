-- What caused a ticket's latest escalation, the team a rule routed it to, and the rule's name.
ALTER TABLE "tickets" ADD COLUMN "source" "escalation_source";
ALTER TABLE "tickets" ADD COLUMN "rule" TEXT;
ALTER TABLE "tickets" ADD COLUMN "team" TEXT;

-- First-response times of recent tickets estimate how long a visitor waits for a person.
CREATE INDEX "tickets_org_id_first_response_at_idx" ON "tickets"("org_id", "first_response_at");
