import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { CreateVideoDto } from '../videos/dto/video.dto';
import { CREATE_VIDEO_BOUNDS, plainlyValidRow } from './plainly-valid-row';

function byClassValidator(value: Record<string, unknown>): CreateVideoDto | null {
  const dto = plainToInstance(CreateVideoDto, value);
  return validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).length === 0 ? dto : null;
}

const long = (length: number) => 'x'.repeat(length);

const ROWS: Array<Record<string, unknown>> = [
  { title: 'Sourdough' },
  { title: 'Sourdough', description: 'Bread', duration: 60, tags: [' bread ', 'baking'] },
  { title: 'Sourdough', description: '', duration: 0, tags: [] },
  { title: long(CREATE_VIDEO_BOUNDS.titleLength) },
  { title: long(CREATE_VIDEO_BOUNDS.titleLength + 1) },
  { title: '😀'.repeat(CREATE_VIDEO_BOUNDS.titleLength) },
  { title: '' },
  { title: '   ' },
  { title: 42 },
  { title: null },
  {},
  { title: 'T', description: long(CREATE_VIDEO_BOUNDS.descriptionLength) },
  { title: 'T', description: long(CREATE_VIDEO_BOUNDS.descriptionLength + 1) },
  { title: 'T', description: null },
  { title: 'T', description: 7 },
  { title: 'T', duration: CREATE_VIDEO_BOUNDS.maxDuration },
  { title: 'T', duration: CREATE_VIDEO_BOUNDS.maxDuration + 1 },
  { title: 'T', duration: -1 },
  { title: 'T', duration: 1.5 },
  { title: 'T', duration: '60' },
  { title: 'T', duration: null },
  { title: 'T', tags: Array.from({ length: CREATE_VIDEO_BOUNDS.tags }, (_, i) => `t${i}`) },
  { title: 'T', tags: Array.from({ length: CREATE_VIDEO_BOUNDS.tags + 1 }, (_, i) => `t${i}`) },
  { title: 'T', tags: [long(CREATE_VIDEO_BOUNDS.tagLength)] },
  { title: 'T', tags: [` ${long(CREATE_VIDEO_BOUNDS.tagLength)} `] },
  { title: 'T', tags: [long(CREATE_VIDEO_BOUNDS.tagLength + 1)] },
  { title: 'T', tags: ['  '] },
  { title: 'T', tags: [1] },
  { title: 'T', tags: 'a' },
  { title: 'T', tags: null },
  { title: 'T', colour: 'red' },
  JSON.parse('{"title":"T","__proto__":{"x":1}}') as Record<string, unknown>,
];

describe('plainlyValidRow', () => {
  it.each(ROWS.map((value) => [JSON.stringify(value).slice(0, 60), value]))(
    'accepts %s only where class-validator does, as the same DTO',
    (_name, value) => {
      const plain = plainlyValidRow(value);
      if (plain !== null) {
        expect(plain).toEqual(byClassValidator(value));
      }
    },
  );

  it('takes the rows of a bulk import without class-validator', () => {
    const value = { title: 'Sourdough', description: 'Bread', duration: 60, tags: [' bread ', 'baking'] };
    expect(plainlyValidRow(value)).toEqual(byClassValidator(value));
    expect(plainlyValidRow({ title: 'Sourdough' })).not.toBeNull();
  });

  it('knows every rule of CreateVideoDto (a changed rule must be reflected in plainlyValidRow)', () => {
    const rules = getMetadataStorage()
      .getTargetValidationMetadatas(CreateVideoDto, '', true, false)
      .map(
        (rule) =>
          `${rule.propertyName} ${rule.name ?? rule.type}${rule.each ? ' each' : ''} ${JSON.stringify(rule.constraints ?? [])}`,
      )
      .sort();
    expect(rules).toEqual(
      [
        `title maxLength [${CREATE_VIDEO_BOUNDS.titleLength}]`,
        'title matches [{},null]',
        'title isString []',
        'title isNotEmpty []',
        `description maxLength [${CREATE_VIDEO_BOUNDS.descriptionLength}]`,
        'description isString []',
        'description isOptional [null]',
        `duration max [${CREATE_VIDEO_BOUNDS.maxDuration}]`,
        'duration min [0]',
        'duration isInt []',
        'duration isOptional [null]',
        `tags maxLength each [${CREATE_VIDEO_BOUNDS.tagLength}]`,
        'tags isNotEmpty each []',
        'tags isString each []',
        `tags arrayMaxSize [${CREATE_VIDEO_BOUNDS.tags}]`,
        'tags isArray []',
        'tags isOptional [null]',
      ].sort(),
    );
  });
});
