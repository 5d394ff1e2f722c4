import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { RequirePermission } from '../auth/permissions/require-permission.decorator';
import { ApiErrors } from '../common/http/api-errors.decorator';
import { QuotaQueryDto, QuotaStatusDto } from './dto/quota.dto';
import { QuotaService } from './quota.service';

@ApiTags('analytics')
@ApiBearerAuth()
@ApiErrors({ 401: 'Authentication required', 404: 'API key not found' })
@RequirePermission('analytics:read')
@Controller('analytics/quota')
export class QuotasController {
  constructor(private readonly quotas: QuotaService) {}

  @Get()
  @ApiOperation({ summary: 'Rate limit and daily / monthly quota: limit, used, remaining, reset time' })
  @ApiOkResponse({ type: QuotaStatusDto })
  async status(@CurrentUser() user: AuthenticatedUser, @Query() query: QuotaQueryDto): Promise<QuotaStatusDto> {
    if (query.api_key_id === undefined) {
      return this.quotas.status(await this.quotas.subjectFor(user));
    }
    const subject = await this.quotas.subjectForKey(user.id, query.api_key_id);
    if (!subject) {
      throw new NotFoundException('API key not found');
    }
    return this.quotas.status(subject);
  }
}
