import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationMessages } from '../common/validation/validation-messages';
import { CreateVideoDto } from '../videos/dto/video.dto';
import { plainlyValidRow } from './plainly-valid-row';
import type { ImportRowError } from './video-import.entity';

export interface RowToCheck {
  row: number;
  value: Record<string, unknown>;
}

export interface CheckedRows {
  good: { row: number; dto: CreateVideoDto }[];
  errors: ImportRowError[];
}

/** Each row through the single-create validation: as a CreateVideoDto, or with its first problem worded the same. */
export function checkRows(rows: readonly RowToCheck[]): CheckedRows {
  const checked: CheckedRows = { good: [], errors: [] };
  for (const { row, value } of rows) {
    const plain = plainlyValidRow(value);
    if (plain) {
      checked.good.push({ row, dto: plain });
      continue;
    }
    const dto = plainToInstance(CreateVideoDto, value);
    // Synchronous: the DTO has no async constraint, and a promise per constraint per row adds up.
    const problems = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (problems.length === 0) {
      checked.good.push({ row, dto });
    } else {
      checked.errors.push({ row, message: validationMessages(problems).error });
    }
  }
  return checked;
}
