-- Attachments are uploaded before the message they go with: they belong to the uploading visitor
-- until a message links them to itself and its conversation.
ALTER TABLE "attachments" ALTER COLUMN "conversation_id" DROP NOT NULL;
ALTER TABLE "attachments" ADD COLUMN "visitor_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "attachments_storage_key_key" ON "attachments"("storage_key");

-- CreateIndex
CREATE INDEX "attachments_message_id_idx" ON "attachments"("message_id");

-- CreateIndex
CREATE INDEX "attachments_visitor_id_idx" ON "attachments"("visitor_id");

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_visitor_id_fkey" FOREIGN KEY ("visitor_id") REFERENCES "visitors"("id") ON DELETE CASCADE ON UPDATE CASCADE;
