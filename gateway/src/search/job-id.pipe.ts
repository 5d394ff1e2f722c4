import { Injectable, NotFoundException, PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The search service's ids are UUIDs; anything else cannot name one, so it is a 404 without asking the service. */
function uuidOrNotFound(value: string, notFound: string): string {
  if (!UUID.test(value)) {
    throw new NotFoundException(notFound);
  }
  return value.toLowerCase();
}

@Injectable()
export class JobIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return uuidOrNotFound(value, 'Search job not found');
  }
}

@Injectable()
export class PinIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return uuidOrNotFound(value, 'Pin not found');
  }
}
