import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { MessageResponseDto } from '../../common/http/error-response.dto';
import type { AuthenticatedUser } from '../authenticated-user';
import { CurrentUser } from '../decorators/current-user.decorator';
import { RequirePermission } from '../permissions/require-permission.decorator';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto, ListApiKeysQueryDto } from './api-key.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('api-keys')
@ApiBearerAuth()
@ApiErrors({ 401: 'Authentication required', 403: "This API key lacks the 'keys:manage' permission" })
@RequirePermission('keys:manage')
@Controller('auth/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the key is shown only in this response' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiErrors({ 400: 'expires_at must be in the future' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(user.id, dto);
  }

  @Get()
  @ApiOperation({
    summary: "List the caller's live API keys (never the keys themselves); include_revoked=true adds revoked ones",
  })
  @ApiOkResponse({ type: ApiKeyListDto })
  @ApiErrors({ 400: 'include_revoked must be true or false' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListApiKeysQueryDto): Promise<ApiKeyListDto> {
    return this.apiKeys.list(user.id, query.include_revoked === true);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API key; it stops authenticating at once' })
  @ApiOkResponse({ type: MessageResponseDto, example: { message: 'API key revoked' } })
  @ApiErrors({ 404: 'API key not found' })
  async revoke(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<MessageResponseDto> {
    await this.apiKeys.revoke(user.id, id);
    return { message: 'API key revoked' };
  }
}
