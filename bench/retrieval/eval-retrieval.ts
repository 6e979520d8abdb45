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
import {
  answerFromKnowledge,
  chunkArticle,
  chunkSearchText,
  confidenceSignals,
  MIN_CONFIDENCE,
  RRF_K,
  tokenizeForSearch,
  type ConfidenceThresholds,
} from '@parley/domain';
import { EmbeddingsClient } from '@parley/llm';
import { startMockOpenAI, type MockOpenAI } from '@parley/testing';
import { Client } from 'pg';
import { CANDIDATES_PER_RANKER, HybridRetriever, type RetrievedPassage } from '../../apps/worker/src/knowledge/retriever';
import { HELD_OUT_QUESTIONS, HELD_OUT_UNANSWERABLE } from './held-out';
import { ARTICLES, QUESTIONS, UNANSWERABLE, type EvalQuestion } from './support-centre';

const SERVER = process.env.EVAL_DATABASE_SERVER ?? 'postgresql://postgres@127.0.0.1:5432';
const DATABASE = `parley_eval_${process.pid}`;
const TOP = 3;

/** The tuning set the knowledge-base mode's confidence was chosen on, and the held-out set it never saw. */
interface QuestionSet {
  name: string;
  questions: EvalQuestion[];
  unanswerable: string[];
}

const SETS: QuestionSet[] = [
  { name: 'tuning', questions: QUESTIONS, unanswerable: UNANSWERABLE },
  { name: 'held-out', questions: HELD_OUT_QUESTIONS, unanswerable: HELD_OUT_UNANSWERABLE },
];

/** `--details`: every wrong answer and hand-off of the default rule on the tuning set (never the held-out one). */
const DETAILS = process.argv.includes('--details');

/** `fts-plain`: full-text search on the question's own words (no support synonyms), the retrieval before expandQuestion. */
const MODES = ['fts-plain', 'fts', 'hybrid'] as const;
type Mode = (typeof MODES)[number];

type Rule =
  | { kind: 'coverage'; min: number; label: string }
  | { kind: 'confidence'; thresholds: ConfidenceThresholds; label: string };

/** The rule knowledge-base mode used before its confidence score: the share of the question's content words the passage holds. */
function wordCoverage(question: string, hit: { title: string; body: string }): number {
  const words = new Set(tokenizeForSearch(question));
  if (words.size === 0) return 0;
  const held = new Set(tokenizeForSearch(`${hit.title} ${hit.body}`));
  return [...words].filter((word) => held.has(word)).length / words.size;
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

    const retrieve = async (mode: Mode, question: string): Promise<RetrievedPassage[]> => {
      if (mode === 'fts-plain') {
        // Full-text search on the question's own words only, as retrieval was before expandQuestion.
        const hits = await knowledge.searchChunks(orgId, question, CANDIDATES_PER_RANKER);
        return hits.map((hit) => ({ ...hit, similarity: null }));
      }
      const result = await retrievers[mode].retrieve(orgId, question, CANDIDATES_PER_RANKER);
      if (result.mode !== mode) throw new Error(`expected ${mode} retrieval, got ${result.mode}`);
      return result.passages;
    };

    const retrieved: Record<Mode, Map<string, RetrievedPassage[]>> = { 'fts-plain': new Map(), fts: new Map(), hybrid: new Map() };
    for (const mode of MODES) {
      for (const set of SETS) {
        for (const question of [...set.questions.map((q) => q.question), ...set.unanswerable]) {
          retrieved[mode].set(question, await retrieve(mode, question));
        }
      }
    }

    const lines: string[] = [];
    lines.push(`Retrieval eval: ${ARTICLES.length} articles (${chunkCount} passages)`);
    for (const set of SETS) lines.push(`  ${set.name}: ${set.questions.length} questions, ${set.unanswerable.length} unanswerable`);
    lines.push(`Embedder: ${embedder}; fusion: reciprocal rank, k = ${RRF_K}, ${CANDIDATES_PER_RANKER} candidates per ranker`);
    lines.push('');
    lines.push('| question set | retrieval | recall@3 | MRR |');
    lines.push('| --- | --- | --- | --- |');
    const misses: string[] = [];
    for (const set of SETS) {
      for (const mode of MODES) {
        let hits = 0;
        let reciprocal = 0;
        for (const { question, article } of set.questions) {
          const passages = retrieved[mode].get(question) ?? [];
          const rank = articleRanking(passages).map((id) => idOf.get(id)).indexOf(article) + 1;
          if (rank > 0 && articleRanking(passages.slice(0, TOP)).some((id) => idOf.get(id) === article)) hits++;
          else if (mode === 'fts') misses.push(`${set.name}: ${question}`);
          if (rank > 0) reciprocal += 1 / rank;
        }
        const n = set.questions.length;
        lines.push(`| ${set.name} | ${mode} | ${(hits / n).toFixed(3)} | ${(reciprocal / n).toFixed(3)} |`);
      }
    }

    lines.push('');
    lines.push('Knowledge-base mode (top 3 passages; correct = quotes the right article, wrong = quotes another one):');
    lines.push('| question set | retrieval | rule | correct | wrong | handed off | unanswerable handed off |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- |');
    const decide = (rule: Rule, question: string, passages: RetrievedPassage[]) => {
      const hits = passages.slice(0, TOP).map((p) => ({ ...p, body: p.content }));
      if (rule.kind === 'coverage') {
        const hit = hits.find((h) => wordCoverage(question, h) >= rule.min);
        return hit && idOf.get(hit.articleId);
      }
      const answer = answerFromKnowledge(question, hits, rule.thresholds);
      return answer.kind === 'answered' ? idOf.get(answer.article.articleId) : undefined;
    };
    const row = (set: QuestionSet, mode: Mode, rule: Rule) => {
      const explain = DETAILS && set === SETS[0] && rule.label.endsWith('(default)');
      let correct = 0;
      let wrong = 0;
      let honest = 0;
      for (const { question, article } of set.questions) {
        const quoted = decide(rule, question, retrieved[mode].get(question) ?? []);
        if (quoted === article) correct++;
        else if (quoted) {
          wrong++;
          if (explain) details.push(`wrong ${set.name} ${mode}: ${question} -> ${quoted} (not ${article})`);
        } else if (explain) {
          details.push(`handed off ${set.name} ${mode}: ${question} (${article})`);
          const hits = (retrieved[mode].get(question) ?? []).slice(0, TOP).map((p) => ({ ...p, body: p.content }));
          confidenceSignals(question, hits).forEach((signal, i) =>
            details.push(`    ${idOf.get(hits[i].articleId)}: ${JSON.stringify(signal)}`),
          );
        }
      }
      for (const question of set.unanswerable) {
        const quoted = decide(rule, question, retrieved[mode].get(question) ?? []);
        if (!quoted) honest++;
        else if (explain) details.push(`answered unanswerable ${set.name} ${mode}: ${question} -> ${quoted}`);
      }
      const handedOff = set.questions.length - correct - wrong;
      lines.push(`| ${set.name} | ${mode} | ${rule.label} | ${correct} | ${wrong} | ${handedOff} | ${honest}/${set.unanswerable.length} |`);
    };
    const details: string[] = [];
    const rules: Rule[] = [
      ...[0.4, 0.5].map((min): Rule => ({ kind: 'coverage', min, label: `word coverage ≥ ${min} (previous rule)` })),
      ...[0.4, 0.45, 0.5, 0.55, 0.6].map(
        (minConfidence): Rule => ({
          kind: 'confidence',
          thresholds: { minConfidence },
          label: `confidence ≥ ${minConfidence}${minConfidence === MIN_CONFIDENCE ? ' (default)' : ''}`,
        }),
      ),
    ];
    for (const set of SETS) {
      row(set, 'fts-plain', { kind: 'coverage', min: 0.5, label: 'word coverage ≥ 0.5 (previous rule)' });
      for (const rule of rules) row(set, 'fts', rule);
      for (const minSimilarity of [undefined, 0.5, 0.6, 0.7]) {
        row(set, 'hybrid', {
          kind: 'confidence',
          thresholds: { minConfidence: MIN_CONFIDENCE, minSimilarity },
          label: minSimilarity === undefined ? `confidence ≥ ${MIN_CONFIDENCE} (default)` : `confidence ≥ ${MIN_CONFIDENCE} or similarity ≥ ${minSimilarity}`,
        });
      }
    }

    const defaultRule: Rule = { kind: 'confidence', thresholds: { minConfidence: MIN_CONFIDENCE }, label: 'default' };
    const timed = SETS.flatMap((set) => set.questions.map((q) => q.question));
    const started = process.hrtime.bigint();
    for (let round = 0; round < 20; round++) {
      for (const question of timed) decide(defaultRule, question, retrieved.fts.get(question) ?? []);
    }
    const perQuestion = Number(process.hrtime.bigint() - started) / 1e6 / (20 * timed.length);
    lines.push('');
    lines.push(`Knowledge-base mode's decision and excerpt: ${perQuestion.toFixed(3)} ms a question (3 passages)`);

    lines.push('');
    lines.push(`Missed by fts (answer not in the top 3): ${misses.length}`);
    for (const question of misses) lines.push(`  - ${question}`);
    if (DETAILS) lines.push('', ...details);
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
