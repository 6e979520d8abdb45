import {
  DEFAULT_VISION_MODEL_PATTERNS,
  parseModelPatterns,
  visionModelMatcher,
  withImageParts,
  type VisionPromptMessage,
} from './image-parts';

describe('vision models', () => {
  const isVision = visionModelMatcher(DEFAULT_VISION_MODEL_PATTERNS);

  it('recognises the common vision-capable families by name', () => {
    for (const model of [
      'gpt-4o-mini',
      'GPT-4o',
      'gpt-4.1-nano',
      'gpt-5',
      'claude-3-5-sonnet-latest',
      'claude-sonnet-4-5',
      'gemini-2.0-flash',
      'llava:13b',
      'llama-3.2-11b-vision-instruct',
      'qwen2.5-vl-7b-instruct',
      'openai/gpt-4o',
    ]) {
      expect([model, isVision(model)]).toEqual([model, true]);
    }
  });

  it('treats other models as text-only', () => {
    for (const model of ['gpt-3.5-turbo', 'gpt-4', 'llama3.1:8b', 'mistral-small', 'qwen2.5-7b-instruct', 'mock-model']) {
      expect([model, isVision(model)]).toEqual([model, false]);
    }
  });

  it('takes a configured list instead of the defaults, and `none`', () => {
    expect(parseModelPatterns(undefined)).toBe(DEFAULT_VISION_MODEL_PATTERNS);
    expect(parseModelPatterns('my-model, other-*')).toEqual(['my-model', 'other-*']);
    expect(parseModelPatterns('none')).toEqual([]);
    const custom = visionModelMatcher(parseModelPatterns('my-model, other-*'));
    expect(custom('my-model')).toBe(true);
    expect(custom('my-model-2')).toBe(false);
    expect(custom('other-thing')).toBe(true);
    expect(custom('gpt-4o')).toBe(false);
    expect(visionModelMatcher(parseModelPatterns('none'))('gpt-4o')).toBe(false);
  });

  it('reads dots in a pattern literally', () => {
    const matcher = visionModelMatcher(['gpt-4.1*']);
    expect(matcher('gpt-4.1-mini')).toBe(true);
    expect(matcher('gpt-4x1')).toBe(false);
  });
});

describe('withImageParts', () => {
  const prompt: VisionPromptMessage[] = [
    { role: 'system', content: 'rules' },
    { role: 'assistant', content: 'Hi!' },
    { role: 'user', content: 'My screen shows this\n[The visitor attached an image: error.png]' },
  ];
  const png = { contentType: 'image/png', base64: 'iVBORw0KGgo=' };

  it('puts the images after the text of the visitor\u2019s current message', () => {
    const messages = withImageParts(prompt, [png]);
    expect(messages.slice(0, 2)).toEqual(prompt.slice(0, 2));
    expect(messages[2]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'My screen shows this\n[The visitor attached an image: error.png]' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
      ],
    });
  });

  it('leaves the prompt as it is without images', () => {
    expect(withImageParts(prompt, [])).toEqual(prompt);
  });

  it('adds a user message when the prompt does not end with one', () => {
    const messages = withImageParts(prompt.slice(0, 2), [png]);
    expect(messages).toHaveLength(3);
    expect(messages[2]).toEqual({ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } }] });
  });
});
