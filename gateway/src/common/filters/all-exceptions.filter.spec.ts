import { ArgumentsHost, BadRequestException, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { SearchUnavailableException } from '../../search/search-unavailable.exception';
import { AllExceptionsFilter, toErrorBody } from './all-exceptions.filter';

function httpHost(): { host: ArgumentsHost; status: jest.Mock; json: jest.Mock; header: jest.Mock } {
  const json = jest.fn();
  const status = jest.fn().mockReturnValue({ send: json });
  const header = jest.fn();
  const response = { sent: false, status, header };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, status, json, header };
}

describe(AllExceptionsFilter.name, () => {
  const sut = new AllExceptionsFilter();

  describe('catch', () => {
    it('answers an HttpException with its status and {error}', () => {
      const { host, status, json } = httpHost();

      sut.catch(new NotFoundException('Video not found'), host);

      expect(status).toHaveBeenCalledWith(404);
      expect(json).toHaveBeenCalledWith({ error: 'Video not found' });
    });

    it('mirrors a retry_after in the body into the Retry-After header', () => {
      const { host, status, header } = httpHost();

      sut.catch(new SearchUnavailableException('Search service unavailable', 5), host);

      expect(status).toHaveBeenCalledWith(503);
      expect(header).toHaveBeenCalledWith('Retry-After', 5);
    });

    it('answers anything else with a bare 500 and no internals', () => {
      const { host, status, json } = httpHost();
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

      sut.catch(new Error('SQLITE_ERROR: no such table: secrets'), host);

      expect(status).toHaveBeenCalledWith(500);
      expect(json).toHaveBeenCalledWith({ error: 'Internal server error' });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('no such table: secrets'));
      logged.mockRestore();
    });
  });

  describe('toErrorBody', () => {
    it('keeps bodies already in our shape, with their extra fields', () => {
      expect(toErrorBody({ error: 'Search service unavailable', retry_after: 5 }, 503)).toEqual({
        error: 'Search service unavailable',
        retry_after: 5,
      });
    });

    it("replaces Nest's status name with the message", () => {
      expect(toErrorBody(new BadRequestException('title is required').getResponse(), 400)).toEqual({
        error: 'title is required',
      });
    });

    it('lists every message when there are several', () => {
      expect(toErrorBody({ message: ['a', 'b'], error: 'Bad Request', statusCode: 400 }, 400)).toEqual({
        error: 'a',
        details: ['a', 'b'],
      });
    });

    it('wraps a plain string', () => {
      expect(toErrorBody(new HttpException('Teapot', 418).getResponse(), 418)).toEqual({ error: 'Teapot' });
    });
  });
});
