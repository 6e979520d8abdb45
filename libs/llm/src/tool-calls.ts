import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ToolCall } from './chat-types';

type ToolCallFragment = ChatCompletionChunk.Choice.Delta.ToolCall;

/** Joins the fragments a stream sends for each tool call (keyed by `index`) into whole calls. */
export class ToolCallAssembler {
  readonly #calls = new Map<number, { id: string; name: string; argumentsJson: string }>();

  add(fragment: ToolCallFragment): void {
    const call = this.#calls.get(fragment.index) ?? { id: '', name: '', argumentsJson: '' };
    // Some providers repeat the id and name on every fragment: keep the first, append only arguments.
    call.id ||= fragment.id ?? '';
    call.name ||= fragment.function?.name ?? '';
    call.argumentsJson += fragment.function?.arguments ?? '';
    this.#calls.set(fragment.index, call);
  }

  result(): ToolCall[] {
    return [...this.#calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call]) => ({ id: call.id, name: call.name, arguments: parseToolArguments(call.argumentsJson) }));
  }
}

/** Models sometimes emit invalid JSON: keep the text under `_raw` so the caller can log or repair it. */
export function parseToolArguments(json: string): Record<string, unknown> {
  if (json.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Fall through to the raw form.
  }
  return { _raw: json };
}
