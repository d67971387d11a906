// What a call threw, for tests that check more than the message: fails the test when nothing was thrown (an assertion
// inside a catch block passes silently when the call does not throw).

/** The value `fn` threw; throws "did not throw" when it returned. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw, but it returned');
}

/** The message of what `fn` threw (see thrown). */
export function thrownMessage(fn: () => unknown): string {
  const e = thrown(fn);
  return e instanceof Error ? e.message : String(e);
}
