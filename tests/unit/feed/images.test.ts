import { describe, expect, it } from 'vitest';
import { articleImageUrls, imageSources } from '../../../src/lib/feed';

describe('imageSources', () => {
  it('finds src in double, single and unquoted attributes, in any case, after other attributes', () => {
    const html = `<p>x</p><img src="a.png" alt="A"><IMG alt='b' SRC='b.jpg'/>
      <figure><img class=c src=c.gif></figure><img data-src="no.png" alt="lazy">`;
    expect(imageSources(html)).toEqual(['a.png', 'b.jpg', 'c.gif']);
  });

  it('decodes entities and ignores look-alikes', () => {
    const html = '<img src="/i?x=1&amp;y=2"><imgx src="no.png"><a href="p.png">p</a><img src="">';
    expect(imageSources(html)).toEqual(['/i?x=1&y=2']);
  });
});

describe('articleImageUrls', () => {
  it('resolves lead and body images of every translation against the article file', () => {
    const base = 'https://feed.example/content/articles/iraq.json';
    const urls = articleImageUrls(
      {
        translations: {
          en: {
            title: 'T',
            body: '<p><img src="../media/map.svg" alt=""><img src="data:image/png;base64,AA"></p>',
            image: { src: '../media/iraq.svg', alt: '' },
          },
          es: {
            title: 'T',
            body: '<img src="https://cdn.example/x.jpg"><img src="javascript:alert(1)">',
            image: { src: '../media/iraq.svg', alt: '' },
          },
        },
      },
      base,
    );
    expect(urls.sort()).toEqual([
      'https://cdn.example/x.jpg',
      'https://feed.example/content/media/iraq.svg',
      'https://feed.example/content/media/map.svg',
    ]);
  });
});
