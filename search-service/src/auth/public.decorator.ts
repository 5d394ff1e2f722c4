import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'search:isPublic';

/** Exempts a controller or handler from the service token (health checks must answer load balancers). */
export const Public = (): ClassDecorator & MethodDecorator => SetMetadata(IS_PUBLIC, true);
