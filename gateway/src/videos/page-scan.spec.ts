import { ascendingRange, planPageScan } from './page-scan';

describe(planPageScan.name, () => {
  it('reads the first page forwards, one row past it to learn whether another follows', () => {
    expect(planPageScan(0, 20, 100_000)).toEqual({ reverse: false, offset: 0, limit: 21 });
  });

  it('reads a page before the middle forwards', () => {
    expect(planPageScan(20, 20, 100)).toEqual({ reverse: false, offset: 20, limit: 21 });
  });

  it('reads a page past the middle backwards from the end, skipping fewer rows', () => {
    // Rows 60..80 (the page and the probe row) are rows 19..39 counted from the end.
    expect(planPageScan(60, 20, 100)).toEqual({ reverse: true, offset: 19, limit: 21 });
  });

  it('reads the last page backwards from the very end, without a probe row past it', () => {
    expect(planPageScan(99_980, 20, 100_000)).toEqual({ reverse: true, offset: 0, limit: 20 });
    expect(planPageScan(40, 20, 57)).toEqual({ reverse: true, offset: 0, limit: 17 });
  });

  it('plans no read for a page wholly past the end', () => {
    expect(planPageScan(60, 20, 57)).toBeNull();
    expect(planPageScan(0, 20, 0)).toBeNull();
  });

  it('reads forwards, whatever the depth, when the total is not known exactly', () => {
    expect(planPageScan(5_000, 20)).toEqual({ reverse: false, offset: 5_000, limit: 21 });
  });
});

describe(ascendingRange.name, () => {
  it('is the page and its probe row in an ascending list', () => {
    expect(ascendingRange(40, 20, 100, 'asc')).toEqual({ from: 40, to: 61 });
  });

  it('counts a descending page from the top of the ascending order', () => {
    // Descending rows 40..60 are ascending rows 59..39.
    expect(ascendingRange(40, 20, 100, 'desc')).toEqual({ from: 39, to: 60 });
  });

  it('stops at the end of the list', () => {
    expect(ascendingRange(90, 20, 100, 'asc')).toEqual({ from: 90, to: 100 });
    expect(ascendingRange(90, 20, 100, 'desc')).toEqual({ from: 0, to: 10 });
  });
});
