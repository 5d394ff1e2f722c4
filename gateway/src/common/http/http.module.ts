import { Module } from '@nestjs/common';
import { SecurityHeadersHook } from './security-headers.hook';

/** HTTP concerns that belong to no feature: the security headers on every answer. */
@Module({ providers: [SecurityHeadersHook] })
export class HttpModule {}
