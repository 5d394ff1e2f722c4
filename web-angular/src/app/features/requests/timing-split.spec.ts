import { timingSplit } from './timing-split';

describe('timingSplit', () => {
  it('splits the bar between gateway and search service', () => {
    expect(timingSplit({ total_ms: 10, gateway_ms: 2.5, search_service_ms: 7.5 })).toEqual({
      gatewayShare: 0.25,
      searchShare: 0.75,
    });
  });

  it('gives the whole bar to the gateway when the search service was not called or not measured', () => {
    expect(timingSplit({ total_ms: 4, gateway_ms: 4, search_service_ms: null })).toEqual({
      gatewayShare: 1,
      searchShare: 0,
    });
    expect(timingSplit({ total_ms: 0, gateway_ms: 0, search_service_ms: 0 })).toEqual({
      gatewayShare: 1,
      searchShare: 0,
    });
  });
});
