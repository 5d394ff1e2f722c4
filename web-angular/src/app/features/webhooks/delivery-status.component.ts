import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { deliveryLabel } from './delivery-log';
import { WebhookDelivery } from './webhook.types';

/** A delivery's status as colour and text, so it reads without the colour too. */
@Component({
  selector: 'app-delivery-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="status"
    data-testid="delivery-status"
    [attr.data-status]="delivery().status"
    [attr.data-retrying]="label() === 'Retrying' ? '' : null"
    >{{ label() }}</span
  >`,
  styles: `
    .status {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 600;
      white-space: nowrap;
      background: #fef3c7;
      color: #92400e;
    }
    .status[data-status='succeeded'] {
      background: #dcfce7;
      color: #166534;
    }
    .status[data-status='failed'],
    .status[data-retrying] {
      background: #fee2e2;
      color: #b42318;
    }
  `,
})
export class DeliveryStatusComponent {
  readonly delivery = input.required<Pick<WebhookDelivery, 'status' | 'attempts'>>();
  protected readonly label = computed(() => deliveryLabel(this.delivery()));
}
