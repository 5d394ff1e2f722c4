import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

const MAX_ID = 2_147_483_647;

/** Parses a numeric route id; anything else is a 400 naming the parameter, never a 500. */
@Injectable()
export class PositiveIntPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    const parsed = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > MAX_ID) {
      throw new BadRequestException(`${this.name} must be a positive integer`);
    }
    return parsed;
  }
}
