import {afterEach, describe, expect, it, vi} from 'vitest';

/** A stand-in for the browser's IntersectionObserver: the test says what each report holds. */
class FakeObserver {
  static made: FakeObserver[] = [];
  readonly watched = new Set<Element>();
  constructor(
    readonly report: (entries: IntersectionObserverEntry[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.made.push(this);
  }
  observe(element: Element): void {
    this.watched.add(element);
  }
  unobserve(element: Element): void {
    this.watched.delete(element);
  }
  disconnect(): void {
    this.watched.clear();
  }
  /** Reports `element` as the browser would: near (intersecting) or not, with a box of this size. */
  send(element: Element, isIntersecting: boolean, width = 100, height = 20): void {
    this.report([{target: element, isIntersecting, boundingClientRect: {width, height}} as unknown as IntersectionObserverEntry]);
  }
}

function element(name: string): Element {
  return {name} as unknown as Element;
}

async function freshModule() {
  vi.resetModules();
  return import('../../../src/client/near-screen');
}

describe('waiting for a part to come near the screen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeObserver.made = [];
  });

  it('calls back once the element comes within a screen of the view, and stops watching it', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const {whenNearScreen, NEAR_SCREEN_MARGIN} = await freshModule();
    const table = element('table');
    let calls = 0;
    whenNearScreen(table, () => calls++);
    const [observer] = FakeObserver.made;
    expect(observer?.options.rootMargin).toBe(NEAR_SCREEN_MARGIN);
    observer?.send(table, false);
    expect(calls).toBe(0);
    observer?.send(table, true);
    expect(calls).toBe(1);
    expect(observer?.watched.has(table)).toBe(false);
    observer?.send(table, true);
    expect(calls).toBe(1);
  });

  it('watches every element on one observer; a second watch of one element replaces the first', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const {whenNearScreen} = await freshModule();
    const reached: string[] = [];
    const footer = element('footer');
    const code = element('code');
    whenNearScreen(footer, () => reached.push('footer'));
    whenNearScreen(code, () => reached.push('code, first'));
    whenNearScreen(code, () => reached.push('code, second'));
    expect(FakeObserver.made).toHaveLength(1);
    FakeObserver.made[0]?.send(code, true);
    FakeObserver.made[0]?.send(footer, true);
    expect(reached).toEqual(['code, second', 'footer']);
  });

  it('counts an element without a box (display: contents or none) as near at the first report', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const {whenNearScreen} = await freshModule();
    const wrapper = element('search bar wrapper');
    let reached = false;
    whenNearScreen(wrapper, () => (reached = true));
    FakeObserver.made[0]?.send(wrapper, false, 0, 0);
    expect(reached).toBe(true);
  });

  it('calls nothing once cancelled, and lets go of the element', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const {whenNearScreen} = await freshModule();
    const block = element('block');
    const reached: string[] = [];
    const cancel = whenNearScreen(block, () => reached.push('block'));
    const [observer] = FakeObserver.made;
    expect(observer?.watched.has(block)).toBe(true);
    cancel();
    expect(observer?.watched.has(block)).toBe(false);
    observer?.send(block, true);
    expect(reached).toEqual([]);
  });

  it('a cancel left from an earlier watch does not cancel the later one', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const {whenNearScreen} = await freshModule();
    const block = element('block');
    const reached: string[] = [];
    const cancelEarlier = whenNearScreen(block, () => reached.push('earlier'));
    whenNearScreen(block, () => reached.push('later'));
    cancelEarlier();
    FakeObserver.made[0]?.send(block, true);
    expect(reached).toEqual(['later']);
  });

  it('calls back at once where the browser has no IntersectionObserver', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const {whenNearScreen} = await freshModule();
    let reached = false;
    const cancel = whenNearScreen(element('table'), () => (reached = true));
    expect(reached).toBe(true);
    expect(() => cancel()).not.toThrow();
  });
});
