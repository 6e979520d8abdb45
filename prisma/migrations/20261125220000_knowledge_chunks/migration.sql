-- Articles gain tags and a collection (used by a persona's knowledge scope) and are searched
-- through chunks: passages of ~150-300 tokens, each carrying its article's title.

-- AlterTable
ALTER TABLE "knowledge_articles" ADD COLUMN "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "collection" TEXT;

-- CreateTable
CREATE TABLE "knowledge_chunks" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "heading" TEXT,
    "content" TEXT NOT NULL,
    "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title,'') || ' ' || coalesce(heading,'')), 'A') || setweight(to_tsvector('english', coalesce(content,'')), 'B')) STORED,
    "embedding" DOUBLE PRECISION[],
    "embedding_model" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "knowledge_chunks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "knowledge_chunks_org_id_idx" ON "knowledge_chunks"("org_id");

-- CreateIndex
CREATE UNIQUE INDEX "knowledge_chunks_article_id_position_key" ON "knowledge_chunks"("article_id", "position");

-- CreateIndex
CREATE INDEX "knowledge_chunks_search_idx" ON "knowledge_chunks" USING GIN ("search");

-- AddForeignKey
ALTER TABLE "knowledge_chunks" ADD CONSTRAINT "knowledge_chunks_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "knowledge_chunks" ADD CONSTRAINT "knowledge_chunks_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "knowledge_articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing articles become one chunk each until their next edit re-chunks them.
INSERT INTO "knowledge_chunks" ("id", "org_id", "article_id", "position", "title", "content")
SELECT gen_random_uuid(), "org_id", "id", 0, "title", "body" FROM "knowledge_articles";
