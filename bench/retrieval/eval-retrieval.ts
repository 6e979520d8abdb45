// `npm run eval:retrieval`: how often the article that answers a visitor's question is among the
// top 3 retrieved (recall@3) and how high it ranks (MRR), for full-text retrieval and for hybrid
// retrieval (full-text + vectors, reciprocal rank fusion), on the question/article set in
// ./support-centre.ts. Then the knowledge-base mode's confidence threshold against the same set
// plus questions no article answers.
//
// Runs on a throwaway Postgres database, migrated with the same applier as `npm start`.
// Embeddings: any OpenAI-compatible endpoint through EMBEDDINGS_MODEL, EMBEDDINGS_BASE_URL and
// EMBEDDINGS_API_KEY (defaulting to OPENAI_BASE_URL / OPENAI_API_KEY); without EMBEDDINGS_MODEL,
// the offline hashed word + character-trigram embedder of libs/testing (lexical, not a language
// model: its numbers say nothing about what a real model achieves).
import 'reflect-metadata';
import { applyMigrations, createPrismaClient, ensureDatabase, KnowledgeRepository, StaffRepository } from '@parley/data';
import { answerFromKnowledge, chunkArticle, chunkSearchText, MIN_COVERAGE, RRF_K, type ConfidenceThresholds } from '@parley/domain';
import { EmbeddingsClient } from '@parley/llm';
import { startMockOpenAI, type MockOpenAI } from '@parley/testing';
import { Client } from 'pg';
import { CANDIDATES_PER_RANKER, HybridRetriever, type RetrievedPassage } from '../../apps/worker/src/knowledge/retriever';
import { ARTICLES, QUESTIONS, UNANSWERABLE } from './support-centre';

const SERVER = process.env.EVAL_DATABASE_SERVER ?? 'postgresql://postgres@127.0.0.1:5432';
const DATABASE = `parley_eval_${process.pid}`;
const TOP = 3;

interface Scores {
  recallAt3: number;
  mrr: number;
  misses: string[];
}

/** Distinct articles in the order their passages were retrieved. */
function articleRanking(passages: RetrievedPassage[]): string[] {
  return [...new Set(passages.map((passage) => passage.articleId))];
}

async function main(): Promise<void> {
  const databaseUrl = `${SERVER}/${DATABASE}`;
  let mock: MockOpenAI | undefined;
  await ensureDatabase(databaseUrl);
  const prisma = createPrismaClient(databaseUrl);
  try {
    await applyMigrations(databaseUrl);
    const configured = process.env.EMBEDDINGS_MODEL;
    if (!configured) mock = await startMockOpenAI();
    const embedder = configured
      ? `${configured} at ${process.env.EMBEDDINGS_BASE_URL ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1'}`
      : 'offline hashed words + character trigrams (libs/testing mock-embeddings), 384 dimensions';
    const embeddings = new EmbeddingsClient({
      baseURL: mock?.baseUrl ?? process.env.EMBEDDINGS_BASE_URL ?? process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
      apiKey: process.env.EMBEDDINGS_API_KEY ?? process.env.OPENAI_API_KEY ?? 'not-needed',
      model: configured ?? 'hashed-trigrams',
      timeoutMs: 60_000,
    });

    const knowledge = new KnowledgeRepository(prisma);
    const { orgId } = await new StaffRepository(prisma).createOrganizationWithAdmin('Eval', {
      email: `eval-${process.pid}@eval.test`,
      name: 'Eval',
      passwordHash: 'x',
    });
    const idOf = new Map<string, string>();
    let chunkCount = 0;
    for (const article of ARTICLES) {
      const chunks = chunkArticle(article.body);
      chunkCount += chunks.length;
      const row = await knowledge.create(orgId, { title: article.title, body: article.body }, chunks);
      idOf.set(row.id, article.key);
      const toEmbed = await knowledge.chunksToEmbed(orgId, row.id, embeddings.model);
      const vectors = await embeddings.embed(toEmbed.map((chunk) => chunkSearchText(chunk.title, chunk)));
      await knowledge.saveEmbeddings(orgId, embeddings.model, toEmbed.map((chunk, i) => ({ id: chunk.id, embedding: vectors[i] ?? [] })));
    }

    const retrievers = {
      fts: new HybridRetriever(knowledge, null, { queryTimeoutMs: 60_000 }),
      hybrid: new HybridRetriever(knowledge, embeddings, {
        queryTimeoutMs: 60_000,
        onEmbeddingError: (error) => {
          throw error;
        },
      }),
    };

    const retrieve = async (mode: keyof typeof retrievers, question: string) => {
      const result = await retrievers[mode].retrieve(orgId, question, CANDIDATES_PER_RANKER);
      if (result.mode !== mode) throw new Error(`expected ${mode} retrieval, got ${result.mode}`);
      return result.passages;
    };

    const scores = {} as Record<keyof typeof retrievers, Scores>;
    const retrieved = {} as Record<keyof typeof retrievers, Map<string, RetrievedPassage[]>>;
    for (const mode of ['fts', 'hybrid'] as const) {
      let hits = 0;
      let reciprocal = 0;
      const misses: string[] = [];
      retrieved[mode] = new Map();
      for (const { question, article } of [...QUESTIONS.map((q) => q), ...UNANSWERABLE.map((q) => ({ question: q, article: '' }))]) {
        const passages = await retrieve(mode, question);
        retrieved[mode].set(question, passages);
        if (!article) continue;
        const ranking = articleRanking(passages).map((id) => idOf.get(id));
        const rank = ranking.indexOf(article) + 1;
        if (rank > 0 && articleRanking(passages.slice(0, TOP)).some((id) => idOf.get(id) === article)) hits++;
        else misses.push(question);
        if (rank > 0) reciprocal += 1 / rank;
      }
      scores[mode] = { recallAt3: hits / QUESTIONS.length, mrr: reciprocal / QUESTIONS.length, misses };
    }

    const lines: string[] = [];
    lines.push(`Retrieval eval: ${ARTICLES.length} articles (${chunkCount} passages), ${QUESTIONS.length} questions, ${UNANSWERABLE.length} unanswerable`);
    lines.push(`Embedder: ${embedder}; fusion: reciprocal rank, k = ${RRF_K}, ${CANDIDATES_PER_RANKER} candidates per ranker`);
    lines.push('');
    lines.push('| retrieval | recall@3 | MRR |');
    lines.push('| --- | --- | --- |');
    for (const mode of ['fts', 'hybrid'] as const) {
      lines.push(`| ${mode} | ${scores[mode].recallAt3.toFixed(3)} | ${scores[mode].mrr.toFixed(3)} |`);
    }

    lines.push('');
    lines.push('Knowledge-base mode (top 3 passages; correct = quotes the right article, wrong = quotes another one):');
    lines.push('| retrieval | min coverage | min similarity | correct | wrong | handed off | unanswerable handed off |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- |');
    const sweep = (mode: keyof typeof retrievers, thresholds: ConfidenceThresholds) => {
      let correct = 0;
      let wrong = 0;
      let handedOff = 0;
      let honest = 0;
      for (const { question, article } of QUESTIONS) {
        const passages = (retrieved[mode].get(question) ?? []).slice(0, TOP);
        const answer = answerFromKnowledge(question, passages.map((p) => ({ ...p, body: p.content })), thresholds);
        if (answer.kind !== 'answered') handedOff++;
        else if (idOf.get(answer.article.articleId) === article) correct++;
        else wrong++;
      }
      for (const question of UNANSWERABLE) {
        const passages = (retrieved[mode].get(question) ?? []).slice(0, TOP);
        if (answerFromKnowledge(question, passages.map((p) => ({ ...p, body: p.content })), thresholds).kind !== 'answered') honest++;
      }
      const mark = thresholds.minCoverage === MIN_COVERAGE && thresholds.minSimilarity === undefined ? ' (default)' : '';
      lines.push(
        `| ${mode} | ${thresholds.minCoverage}${mark} | ${thresholds.minSimilarity ?? '-'} | ${correct} | ${wrong} | ${handedOff} | ${honest}/${UNANSWERABLE.length} |`,
      );
    };
    for (const minCoverage of [0.3, 0.4, 0.5, 0.6, 0.7]) sweep('fts', { minCoverage });
    for (const minSimilarity of [undefined, 0.3, 0.4, 0.5, 0.6, 0.7]) sweep('hybrid', { minCoverage: MIN_COVERAGE, minSimilarity });

    lines.push('');
    for (const mode of ['fts', 'hybrid'] as const) {
      lines.push(`Missed by ${mode} (answer not in the top 3): ${scores[mode].misses.length}`);
      for (const question of scores[mode].misses) lines.push(`  - ${question}`);
    }
    console.log(lines.join('\n'));
  } finally {
    await prisma.$disconnect();
    await mock?.close();
    const admin = new Client({ connectionString: `${SERVER}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
