import { Module } from '@nestjs/common';
import { DashboardHook } from './dashboard.hook';

/** Serves the built Angular dashboard at `/` with SPA fallback, when it has been built. */
@Module({ providers: [DashboardHook] })
export class WebModule {}
