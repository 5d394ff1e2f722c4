import type { AuthenticatedUser } from '@gateway/auth/authenticated-user';
import { CurrentUser } from '@gateway/auth/decorators/current-user.decorator';
import { AnyCredential } from '@gateway/auth/permissions/require-permission.decorator';
import { ApiErrors } from '@gateway/common/http/api-errors.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CircuitBreakerDto, SystemStatusDto } from './system.dto';
import { SystemService } from './system.service';

@ApiTags('system')
@ApiBearerAuth()
@ApiErrors({ 401: 'Authentication required' })
@AnyCredential()
@Controller('system')
export class SystemController {
  constructor(private readonly system: SystemService) {}

  @Get('circuit-breaker')
  @ApiOperation({ summary: "The search client's circuit breaker and bulkhead" })
  @ApiOkResponse({ type: CircuitBreakerDto })
  circuitBreaker(): CircuitBreakerDto {
    return this.system.circuitBreaker();
  }

  @Get('status')
  @ApiOperation({ summary: "Dependencies, the circuit breaker and the caller's index" })
  @ApiOkResponse({ type: SystemStatusDto })
  status(@CurrentUser() user: AuthenticatedUser): Promise<SystemStatusDto> {
    return this.system.status(user.id);
  }
}
