/** Domain failures of the search service; the gRPC edge maps each code to one status (see grpc-exception.filter). */
export enum SearchExceptionCode {
  InvalidArgument = 'INVALID_ARGUMENT',
  NotFound = 'NOT_FOUND',
  FailedPrecondition = 'FAILED_PRECONDITION',
  Unauthenticated = 'UNAUTHENTICATED',
  Unavailable = 'UNAVAILABLE',
}

export class SearchException extends Error {
  constructor(
    readonly code: SearchExceptionCode,
    message: string,
  ) {
    super(message);
    this.name = 'SearchException';
  }

  static invalidArgument(message: string): SearchException {
    return new SearchException(SearchExceptionCode.InvalidArgument, message);
  }

  static notFound(message: string): SearchException {
    return new SearchException(SearchExceptionCode.NotFound, message);
  }

  static failedPrecondition(message: string): SearchException {
    return new SearchException(SearchExceptionCode.FailedPrecondition, message);
  }
}
