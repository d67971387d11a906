// The prompt's fixed share: the input tokens every request carries whatever its SKUs, counted from its text.
import { fixedPromptTokens, SYSTEM_INSTRUCTION, topSearchText } from '../../../src/server/tagging/prompt';

describe('fixedPromptTokens', () => {
  it('counts the system instruction at 3 characters a token (Google says about 4; 3 is the strict side)', () => {
    const fixed = fixedPromptTokens([], 'gemini-2.5-flash');
    expect(fixed).toBeGreaterThanOrEqual(Math.ceil(SYSTEM_INSTRUCTION.length / 3));
    // Beyond the instruction only the listing's frame (the marker and an empty list): a few tokens, not a SKU's.
    expect(fixed - Math.ceil(SYSTEM_INSTRUCTION.length / 3)).toBeLessThan(10);
  });

  it('counts the top-search list, which every request carries', () => {
    const top = ['rak dinding', 'toples kaca', 'lampu meja', 'kipas angin'];
    const added = fixedPromptTokens(top, 'gemini-2.5-flash') - fixedPromptTokens([], 'gemini-2.5-flash');
    const listTokens = topSearchText(top).length / 3;
    expect(added).toBeGreaterThanOrEqual(Math.floor(listTokens));
    expect(added).toBeLessThanOrEqual(Math.ceil(listTokens) + 2);
  });
});
