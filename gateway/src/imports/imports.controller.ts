import {
  BadRequestException,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { OwnerGuard } from '../auth/guards/owner.guard';
import { RequirePermission } from '../auth/permissions/require-permission.decorator';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { PositiveIntPipe } from '../common/http/positive-int.pipe';
import {
  ErrorsQueryDto,
  ImportAcceptedDto,
  ImportDto,
  ImportErrorsDto,
  ImportListDto,
  ImportQueryDto,
  ListImportsQueryDto,
} from './dto/import.dto';
import { IMPORT_CONTENT_TYPES, StreamedBody } from './import-content-types';
import { ImportsService } from './imports.service';
import type { ImportFormat } from './video-import.entity';

const ImportIdParam = (): MethodDecorator => ApiParam({ name: 'importId', type: Number, example: 7 });
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@ApiTags('imports')
@ApiBearerAuth()
@ApiParam({ name: 'userId', type: Number, description: "The caller's user id" })
@ApiErrors({ 400: 'userId must be a positive integer', 401: 'Authentication required', 403: 'Unauthorized' })
@UseGuards(OwnerGuard)
@Controller('users/:userId/videos')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('import')
  @StreamedBody()
  @HttpCode(202)
  @RequirePermission('videos:write')
  @ApiOperation({
    summary: 'Bulk import videos from NDJSON or CSV',
    description:
      'NDJSON: one object a line with title, description, duration, tags (an array). CSV: a header row ' +
      'title,description,duration,tags with tags separated by | or ;. Each row follows the single-create rules; ' +
      'refused rows are reported with their 1-based row number and never block the others. Answers 202 once every ' +
      'row is stored; the import reaches `completed` when all of its videos are searchable.',
  })
  @ApiConsumes('application/x-ndjson', 'application/jsonl', 'text/csv')
  @ApiBody({ description: 'The file, sent as the raw body', schema: { type: 'string', format: 'binary' } })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the same import',
  })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  @ApiErrors({
    409: 'Idempotency-Key was already used with a different body',
    413: 'an import holds at most 100000 rows',
    415: 'Send application/x-ndjson or text/csv',
  })
  async start(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ImportQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportAcceptedDto> {
    const format = query.format ?? formatOf(request.headers['content-type']);
    if (format === undefined || !(request.body instanceof Readable)) {
      throw new UnsupportedMediaTypeException('Send application/x-ndjson or text/csv (or format=ndjson|csv)');
    }
    const key = request.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      throw new BadRequestException('Idempotency-Key must be 1 to 200 printable characters');
    }
    const result = await this.imports.start({ ownerId: user.id, body: request.body, format, idempotencyKey: key });
    if (result.replayed) {
      void reply.header('Idempotent-Replayed', 'true');
    }
    return result.dto;
  }

  @Get('imports')
  @RequirePermission('videos:read')
  @ApiOperation({ summary: "List the caller's imports, newest first" })
  @ApiOkResponse({ type: ImportListDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListImportsQueryDto): Promise<ImportListDto> {
    return this.imports.list(user.id, query.page ?? 1, query.per_page ?? 20);
  }

  @Get('imports/:importId')
  @RequirePermission('videos:read')
  @ApiOperation({ summary: 'Progress, counts and the first 1000 error rows of an import' })
  @ImportIdParam()
  @ApiOkResponse({ type: ImportDto })
  @ApiErrors({ 404: 'Import not found' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('importId', new PositiveIntPipe('importId')) importId: number,
  ): Promise<ImportDto> {
    return this.imports.get(user.id, importId);
  }

  @Get('imports/:importId/errors')
  @RequirePermission('videos:read')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Every error row of an import, as JSON or CSV (row,message)' })
  @ImportIdParam()
  @ApiOkResponse({ type: ImportErrorsDto })
  @ApiErrors({ 404: 'Import not found' })
  async errors(
    @CurrentUser() user: AuthenticatedUser,
    @Param('importId', new PositiveIntPipe('importId')) importId: number,
    @Query() query: ErrorsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportErrorsDto | string> {
    const errors = await this.imports.errors(user.id, importId);
    if (query.format !== 'csv') {
      return { errors };
    }
    void reply.header('Content-Type', 'text/csv; charset=utf-8');
    void reply.header('Content-Disposition', `attachment; filename="import-${importId}-errors.csv"`);
    return ['row,message', ...errors.map((error) => `${error.row},${csvCell(error.message)}`)].join('\n') + '\n';
  }
}

function formatOf(contentType: string | undefined): ImportFormat | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type === undefined ? undefined : IMPORT_CONTENT_TYPES[type];
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
