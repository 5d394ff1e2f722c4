import { extractSection, SECTION_END, SECTION_START, spliceSection } from './report';

describe('captions section of RESULTS.md', () => {
  const section = `${SECTION_START}\n\n## Captions\n\nnew\n\n${SECTION_END}`;

  it('is appended when the file has none, and replaced in place when it has one', () => {
    const appended = spliceSection('# Results\n\n## 10,000 documents\n', section);
    expect(appended).toBe(`# Results\n\n## 10,000 documents\n\n${section}\n`);
    const replaced = spliceSection(`# Results\n\n${SECTION_START}\nold\n${SECTION_END}\n\n## After\n`, section);
    expect(replaced).toBe(`# Results\n\n${section}\n\n## After\n`);
  });

  it('survives a rewrite of the rest of the file', () => {
    const kept = extractSection(spliceSection('# Old report\n', section));
    expect(kept).toBe(section);
    expect(spliceSection('# New report\n', kept!)).toBe(`# New report\n\n${section}\n`);
    expect(extractSection('# No captions\n')).toBeNull();
  });
});
