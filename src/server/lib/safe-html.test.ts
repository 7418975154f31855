import { describe, expect, it } from 'vitest';
import { safeHtml, textOfHtml } from './safe-html';

describe('safe HTML', () => {
  it('keeps the editor’s tags and drops scripts, handlers and foreign images', () => {
    expect(
      safeHtml(
        '<p onclick="x()">Labi</p><script>alert(1)</script><img src="https://tracker.example/p.gif">',
      ),
    ).toBe('<p>Labi</p>');
  });

  it('reads the text once, every reference decoded, with a line for each block', () => {
    expect(
      textOfHtml(
        '<h2>Soļi &amp; termiņi</h2><p>a &lt; b &gt; c, &quot;d&quot; &#39;e&#39; &copy; &#x101;</p><ul><li>Pirmais</li><li>Otrais</li></ul>',
      ),
    ).toBe('Soļi & termiņi\na < b > c, "d" \'e\' © ā\nPirmais\nOtrais');
  });

  it('does not decode twice: a written-out reference stays as written', () => {
    expect(textOfHtml('<p>&amp;lt;b&amp;gt; &amp;amp;</p>')).toBe('&lt;b&gt; &amp;');
  });

  it('keeps a no-break space and folds runs of spaces and tabs', () => {
    expect(textOfHtml('<p>10&nbsp;EUR \t  katru</p>')).toBe('10\u00a0EUR katru');
  });
});
