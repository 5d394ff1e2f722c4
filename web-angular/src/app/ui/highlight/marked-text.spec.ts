import { TestBed } from '@angular/core/testing';
import { decodeEntities, markSegments } from './marked-text';
import { MarkedTextComponent } from './marked-text.component';

describe('markSegments', () => {
  it('splits text and marked words', () => {
    expect(markSegments('Cooking <mark>pasta</mark> at <mark>home</mark>')).toEqual([
      { text: 'Cooking ', marked: false },
      { text: 'pasta', marked: true },
      { text: ' at ', marked: false },
      { text: 'home', marked: true },
    ]);
  });

  it('decodes the API escaping once, so entities show as typed', () => {
    expect(markSegments('Tom &amp; <mark>Jerry</mark> &lt;b&gt; &#39;x&#x27; &amp;amp;')).toEqual([
      { text: 'Tom & ', marked: false },
      { text: 'Jerry', marked: true },
      { text: " <b> 'x' &amp;", marked: false },
    ]);
  });

  it('keeps any other markup as plain text', () => {
    const segments = markSegments('<img src=x onerror="alert(1)"><mark>hit</mark><script>x</script>');
    expect(segments).toEqual([
      { text: '<img src=x onerror="alert(1)">', marked: false },
      { text: 'hit', marked: true },
      { text: '<script>x</script>', marked: false },
    ]);
  });

  it('uses the configured tags only', () => {
    expect(markSegments('a [[b]] <mark>c</mark>', '[[', ']]')).toEqual([
      { text: 'a ', marked: false },
      { text: 'b', marked: true },
      { text: ' <mark>c</mark>', marked: false },
    ]);
  });

  it('leaves an unclosed tag as text and merges neighbours', () => {
    expect(markSegments('<mark>a</mark><mark>b</mark> <mark>c')).toEqual([
      { text: 'ab', marked: true },
      { text: ' <mark>c', marked: false },
    ]);
  });

  it('returns nothing for empty input', () => {
    expect(markSegments(null)).toEqual([]);
    expect(markSegments('')).toEqual([]);
  });

  it('leaves unknown entities alone', () => {
    expect(decodeEntities('&nbsp; &#0; &copy')).toBe('&nbsp; &#0; &copy');
  });
});

describe('MarkedTextComponent', () => {
  it('renders marks as elements and everything else as text nodes', () => {
    const fixture = TestBed.createComponent(MarkedTextComponent);
    fixture.componentRef.setInput('text', '<b>x</b> <mark>pasta</mark> &lt;i&gt;');
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelectorAll('mark').length).toBe(1);
    expect(host.querySelector('mark')?.textContent).toBe('pasta');
    expect(host.querySelector('b')).toBeNull();
    expect(host.querySelector('i')).toBeNull();
    expect(host.textContent?.replace(/\s+/g, ' ').trim()).toBe('<b>x</b> pasta <i>');
  });
});
