import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { MessageResponseDto } from '../../common/http/error-response.dto';
import type { AuthenticatedUser } from '../authenticated-user';
import { CurrentUser } from '../decorators/current-user.decorator';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './api-key.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('api-keys')
@ApiBearerAuth()
@ApiErrors({ 401: 'Authentication required' })
@Controller('auth/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the key is shown only in this response' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiErrors({ 400: 'name is required' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(user.id, dto);
  }

  @Get()
  @ApiOperation({ summary: "List the caller's API keys (never the keys themselves)" })
  @ApiOkResponse({ type: ApiKeyListDto })
  list(@CurrentUser() user: AuthenticatedUser): Promise<ApiKeyListDto> {
    return this.apiKeys.list(user.id);
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
