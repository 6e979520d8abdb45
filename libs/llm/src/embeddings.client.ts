import OpenAI from 'openai';

export interface EmbeddingsClientOptions {
  /** The provider's API root, e.g. `https://api.openai.com/v1`. */
  baseURL: string;
  apiKey: string;
  model: string;
  /** Longest wait for one request. */
  timeoutMs: number;
  /** Retries of failed connections, 408/409/429 and 5xx. */
  maxRetries?: number;
  /** Inputs sent per request; longer lists are split. Default 64. */
  batchSize?: number;
}

/** Vectors of unit length, so cosine similarity is a plain dot product (what retrieval computes in SQL). */
export function normalize(vector: readonly number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? [...vector] : vector.map((x) => x / norm);
}

/**
 * Any OpenAI-compatible `/embeddings` endpoint through the openai SDK. Returns unit vectors, one
 * per input, in input order. The key lives only inside the SDK and is never put in an error.
 */
export class EmbeddingsClient {
  readonly model: string;
  readonly #sdk: OpenAI;
  readonly #batchSize: number;

  constructor(options: EmbeddingsClientOptions) {
    this.model = options.model;
    this.#batchSize = options.batchSize ?? 64;
    this.#sdk = new OpenAI({
      baseURL: options.baseURL,
      apiKey: options.apiKey,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries ?? 2,
      organization: null,
      project: null,
    });
  }

  async embed(inputs: readonly string[], signal?: AbortSignal): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < inputs.length; start += this.#batchSize) {
      const batch = inputs.slice(start, start + this.#batchSize);
      const response = await this.#sdk.embeddings.create(
        { model: this.model, input: batch, encoding_format: 'float' },
        { signal },
      );
      const ordered = [...response.data].sort((a, b) => a.index - b.index);
      if (ordered.length !== batch.length) {
        throw new Error(`the embeddings endpoint returned ${ordered.length} vectors for ${batch.length} inputs`);
      }
      vectors.push(...ordered.map((item) => normalize(item.embedding)));
    }
    return vectors;
  }
}
