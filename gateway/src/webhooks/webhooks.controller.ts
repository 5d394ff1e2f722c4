import type { AuthenticatedUser } from '@gateway/auth/authenticated-user';
import { CurrentUser } from '@gateway/auth/decorators/current-user.decorator';
import { RequirePermission } from '@gateway/auth/permissions/require-permission.decorator';
import { ApiErrors } from '@gateway/common/http/api-errors.decorator';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreatedWebhookEndpointDto,
  CreateWebhookDto,
  ListDeliveriesQueryDto,
  RedeliverAcceptedDto,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookEndpointDto,
  WebhookEndpointListDto,
  WebhookSecretDto,
} from './webhook.dto';
import { WebhooksService } from './webhooks.service';

export const SIGNATURE_SCHEME = `Every delivery is a POST with a JSON body \`{id, type, created_at, data}\` and the headers
\`Webhook-Id\` (the event id), \`Webhook-Timestamp\` (unix seconds) and
\`Webhook-Signature: t=<unix>,v1=<hex>\` where \`<hex>\` = hex(HMAC-SHA256(secret, "<t>.<raw body>")).
After a secret rotation the header carries a second \`v1=\` signed with the previous secret for 24 h;
accept the delivery when any \`v1\` matches. Verify against the raw body bytes, compare in constant time,
and reject timestamps more than 5 minutes old. A 2xx answer is success; anything else (or no answer within
the timeout) is retried with exponential backoff for a day. Redirects are not followed.`;

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiErrors({ 401: 'Authentication required', 403: "This API key lacks the 'keys:manage' permission" })
@RequirePermission('keys:manage')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary: 'Register a webhook endpoint; the signing secret is shown only in this response',
    description: SIGNATURE_SCHEME,
  })
  @ApiCreatedResponse({ type: CreatedWebhookEndpointDto })
  @ApiErrors({ 400: 'url refused: 10.0.0.1 resolves to 10.0.0.1, a private address' })
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateWebhookDto): Promise<CreatedWebhookEndpointDto> {
    return this.webhooks.create(user.id, dto);
  }

  @Get()
  @ApiOperation({ summary: "List the caller's webhook endpoints (never their secrets)" })
  @ApiOkResponse({ type: WebhookEndpointListDto })
  list(@CurrentUser() user: AuthenticatedUser): Promise<WebhookEndpointListDto> {
    return this.webhooks.list(user.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook endpoint' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiErrors({ 404: 'Webhook not found' })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<WebhookEndpointDto> {
    return this.webhooks.get(user.id, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook endpoint and its delivery log' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors({ 404: 'Webhook not found' })
  delete(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    return this.webhooks.delete(user.id, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the signing secret; the previous one keeps signing beside it for 24 h' })
  @ApiOkResponse({ type: WebhookSecretDto })
  @ApiErrors({ 404: 'Webhook not found' })
  rotateSecret(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<WebhookSecretDto> {
    return this.webhooks.rotateSecret(user.id, id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a ping event now; answers the delivery after its first attempt' })
  @ApiOkResponse({ type: WebhookDeliveryDto })
  @ApiErrors({ 404: 'Webhook not found' })
  test(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.test(user.id, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Delivery log of an endpoint, newest first, with cursor pagination' })
  @ApiOkResponse({ type: WebhookDeliveryListDto })
  @ApiErrors({ 400: 'status must be one of pending, succeeded, failed', 404: 'Webhook not found' })
  deliveries(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Query() query: ListDeliveriesQueryDto,
  ): Promise<WebhookDeliveryListDto> {
    return this.webhooks.listDeliveries(user.id, id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Attempt a delivery again soon, with its attempts reset' })
  @ApiAcceptedResponse({ type: RedeliverAcceptedDto })
  @ApiErrors({ 404: 'Delivery not found' })
  async redeliver(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<RedeliverAcceptedDto> {
    await this.webhooks.redeliver(user.id, id, deliveryId);
    return { message: 'Redelivery scheduled' };
  }
}
