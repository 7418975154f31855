import { describe, expect, it } from 'vitest';
import { el, escapeXml, nodesOf, toSvgString, viewBoxSize } from './svg';

describe('toSvgString', () => {
  it('writes standalone SVG with the namespace on the root', () => {
    const svg = el('svg', { viewBox: '0 0 10 5' }, [el('rect', { x: 1, y: 2 })]);
    expect(toSvgString(svg)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 5"><rect x="1" y="2"/></svg>',
    );
  });

  it('escapes text and attribute values', () => {
    const svg = el('svg', { viewBox: '0 0 1 1' }, [
      el('text', { 'data-label': 'a "b" <c>' }, 'Tom & Jerry <b>bold</b> ā'),
    ]);
    expect(toSvgString(svg)).toContain(
      '<text data-label="a &quot;b&quot; &lt;c&gt;">Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt; ā</text>',
    );
  });

  it('drops characters that XML forbids, which a pasted label may carry', () => {
    expect(escapeXml('a\u0000b\u0007c\u001Fd\te\nf')).toBe('abcd\te\nf');
  });

  it('keeps a namespace given on the root and serialises nested groups', () => {
    const svg = el('svg', { xmlns: 'urn:x' }, [el('g', {}, [el('circle', { r: 2 })])]);
    expect(toSvgString(svg)).toBe('<svg xmlns="urn:x"><g><circle r="2"/></g></svg>');
  });
});

describe('el', () => {
  it('drops undefined attributes and rounds numbers to hundredths', () => {
    const node = el('line', { x1: 120.00000000000001, y1: 1 / 3, x2: -0.001, stroke: undefined });
    expect(node.attrs).toEqual({ x1: 120, y1: 0.33, x2: 0 });
  });

  it('takes text or children', () => {
    expect(el('text', {}, 'hi')).toEqual({ tag: 'text', attrs: {}, text: 'hi' });
    expect(el('g', {}, [el('rect')]).children).toHaveLength(1);
  });
});

describe('viewBoxSize', () => {
  it('reads the width and height of the viewBox', () => {
    expect(viewBoxSize(el('svg', { viewBox: '0 0 640 321.5' }))).toEqual({
      width: 640,
      height: 321.5,
    });
  });

  it('refuses a node without a usable viewBox', () => {
    expect(() => viewBoxSize(el('svg'))).toThrow(/viewBox/);
    expect(() => viewBoxSize(el('svg', { viewBox: '0 0 0 10' }))).toThrow(/viewBox/);
  });
});

describe('nodesOf', () => {
  it('lists every node depth first', () => {
    const tree = el('svg', {}, [el('g', {}, [el('rect')]), el('text', {}, 'x')]);
    expect(nodesOf(tree).map((node) => node.tag)).toEqual(['svg', 'g', 'rect', 'text']);
  });
});
