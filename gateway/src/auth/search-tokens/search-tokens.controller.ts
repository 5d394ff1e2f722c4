import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { AuthService } from '../auth.service';
import type { AuthenticatedUser, ForcedSearchFilters } from '../authenticated-user';
import { CurrentUser } from '../decorators/current-user.decorator';
import { RequirePermission } from '../permissions/require-permission.decorator';
import { CreateSearchTokenDto, DEFAULT_SEARCH_TOKEN_SECONDS, SearchTokenDto } from './search-token.dto';

@ApiTags('auth')
@ApiBearerAuth()
@RequirePermission('keys:manage')
@Controller('auth/search-tokens')
export class SearchTokensController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a short-lived search token for a browser',
    description:
      "A signed token for the caller's own library that may only search (`search` permission), with `filters` " +
      'forced on every search it makes. It cannot read or change videos, nor create tokens or API keys. ' +
      'Needs a password login (JWT) or an API key with `keys:manage`. Tokens are stateless signed JWTs: they ' +
      'cannot be revoked and end only by expiring (expires_in is at most one day), also when the API key that ' +
      'created them is revoked; keep them short-lived.',
  })
  @ApiCreatedResponse({ type: SearchTokenDto })
  @ApiErrors({
    400: 'expires_in must be an integer number of seconds between 1 and 86400',
    401: 'Authentication required',
    403: "This search token lacks the 'keys:manage' permission",
  })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateSearchTokenDto): Promise<SearchTokenDto> {
    const filters = plainFilters(dto.filters);
    const issued = await this.auth.issueSearchToken(user, dto.expires_in ?? DEFAULT_SEARCH_TOKEN_SECONDS, filters);
    return { token: issued.token, expires_at: issued.expiresAt.toISOString(), filters };
  }
}

/** The validated filters as a plain object without the fields left out. */
function plainFilters(filters: object | undefined): ForcedSearchFilters {
  return Object.fromEntries(Object.entries(filters ?? {}).filter(([, value]) => value !== undefined));
}
