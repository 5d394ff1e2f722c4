import type { NextFunction, Request, Response } from 'express';

interface BodyParserError {
  type?: string;
  status?: number;
}

const KNOWN_FAILURES: Record<string, { status: number; error: string }> = {
  'entity.parse.failed': { status: 400, error: 'Malformed JSON in request body' },
  'entity.too.large': { status: 413, error: 'Request body too large' },
  'encoding.unsupported': { status: 415, error: 'Unsupported request body encoding' },
  'charset.unsupported': { status: 415, error: 'Unsupported request body charset' },
};

/**
 * Express error middleware for failures inside body parsing, which happen before Nest's
 * exception filters can see the request.
 */
export function bodyParserErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const { type, status } = (error ?? {}) as BodyParserError;
  const known = type ? KNOWN_FAILURES[type] : undefined;
  if (known) {
    res.status(known.status).json({ error: known.error });
    return;
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ error: 'Invalid request body' });
    return;
  }
  next(error);
}
