import { JsonText } from '../common/http/json-text';
import type { VideoListDto } from './dto/video.dto';
import { VideoPageCache } from './video-page.cache';

function page(description = '', count = 20): JsonText<VideoListDto> {
  return JsonText.of({
    videos: Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      title: `Video ${i + 1}`,
      description,
      duration: 60,
      tags: ['a'],
      created_at: '2026-12-01T00:00:00.000Z',
      updated_at: '2026-12-01T00:00:00.000Z',
    })),
    pagination: { page: 1, per_page: count, total: count, pages: 1 },
    next_cursor: null,
  });
}

describe(VideoPageCache.name, () => {
  it('serves a page only at the content revision it was kept at', () => {
    const sut = new VideoPageCache({ listCacheBytes: 1024 * 1024 });
    const kept = page();
    sut.keep(7, 'q', 3, kept);

    expect(sut.get(7, 'q', 3)).toBe(kept);
    expect(sut.get(7, 'q', 4)).toBeUndefined();
    expect(sut.get(8, 'q', 3)).toBeUndefined();
    expect(sut.get(7, 'other', 3)).toBeUndefined();
  });

  it('keeps the page of the later revision when a slower request read an earlier one', () => {
    const sut = new VideoPageCache({ listCacheBytes: 1024 * 1024 });
    const later = page('later');
    sut.keep(7, 'q', 5, later);
    sut.keep(7, 'q', 4, page('earlier'));

    expect(sut.get(7, 'q', 5)).toBe(later);
    sut.keep(7, 'q', 6, page('newest'));
    expect(sut.get(7, 'q', 6)?.text).toContain('"description":"newest"');
  });

  it('holds no more than its byte budget, dropping the least recently used pages', () => {
    // About 2 x 20 x 1,150 characters a page: a 200 kB budget holds four of them.
    const sut = new VideoPageCache({ listCacheBytes: 200_000 });
    for (let i = 0; i < 10; i += 1) {
      sut.keep(7, `page ${i}`, 1, page('x'.repeat(1000)));
    }

    const held = Array.from({ length: 10 }, (_, i) => sut.get(7, `page ${i}`, 1)).filter(Boolean);
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBeLessThan(5);
    expect(sut.get(7, 'page 9', 1)).toBeDefined();
    expect(sut.get(7, 'page 0', 1)).toBeUndefined();
  });

  it('keeps nothing when its budget is 0', () => {
    const sut = new VideoPageCache({ listCacheBytes: 0 });
    sut.keep(7, 'q', 1, page());

    expect(sut.get(7, 'q', 1)).toBeUndefined();
  });
});
