import { PeriodicTask } from '@gateway/common/scheduling/periodic-task';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { alertsConfig, AlertsConfig } from './alerts.config';
import { AlertsService } from './alerts.service';

/** Evaluates every alert rule every ALERT_EVALUATION_INTERVAL_MS. */
@Injectable()
export class AlertsEvaluator extends PeriodicTask {
  protected readonly logger = new Logger(AlertsEvaluator.name);

  constructor(
    private readonly alerts: AlertsService,
    @Inject(alertsConfig.KEY) private readonly config: AlertsConfig,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return this.config.evaluationIntervalMs;
  }

  protected async run(): Promise<null> {
    await this.alerts.evaluateAll();
    return null;
  }
}
