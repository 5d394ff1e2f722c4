import { Controller, ExecutionContext, ForbiddenException, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedUser, Permission, PERMISSIONS } from '../authenticated-user';
import { Public } from '../decorators/public.decorator';
import { missingPermission, PermissionGuard } from './permission.guard';
import { AnyCredential, RequirePermission } from './require-permission.decorator';

@RequirePermission('videos:read')
@Controller('example')
class ExampleController {
  @Get()
  read(): void {}

  @Get('write')
  @RequirePermission('videos:write')
  write(): void {}

  @Get('me')
  @AnyCredential()
  me(): void {}
}

@Controller('undeclared')
class UndeclaredController {
  @Get()
  something(): void {}

  @Public()
  @Get('open')
  open(): void {}
}

function caller(permissions: readonly Permission[], forcedFilters: AuthenticatedUser['forcedFilters'] = null) {
  return { id: 7, email: 'ada@example.com', apiKeyId: 'key-1', permissions, forcedFilters };
}

function contextFor(
  controller: new () => object,
  handler: string,
  user: AuthenticatedUser | undefined,
): ExecutionContext {
  return {
    getType: () => 'http',
    getClass: () => controller,
    getHandler: () => (controller.prototype as Record<string, unknown>)[handler],
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
}

describe(PermissionGuard.name, () => {
  const sut = new PermissionGuard(new Reflector());

  it("lets a credential holding the route's permission through", () => {
    expect(sut.canActivate(contextFor(ExampleController, 'read', caller(['videos:read'])))).toBe(true);
  });

  it("answers 403 naming the permission an API key lacks, the method's declaration overriding the controller's", () => {
    expect(() => sut.canActivate(contextFor(ExampleController, 'write', caller(['videos:read'])))).toThrow(
      new ForbiddenException("This API key lacks the 'videos:write' permission"),
    );
  });

  it('names a search token as such', () => {
    expect(() => sut.canActivate(contextFor(ExampleController, 'read', caller(['search'], {})))).toThrow(
      new ForbiddenException("This search token lacks the 'videos:read' permission"),
    );
  });

  it('lets any credential use a route marked @AnyCredential', () => {
    expect(sut.canActivate(contextFor(ExampleController, 'me', caller(['search'], {})))).toBe(true);
  });

  it('opens a route that declares nothing only to credentials holding every permission', () => {
    expect(sut.canActivate(contextFor(UndeclaredController, 'something', caller(PERMISSIONS)))).toBe(true);
    expect(() => sut.canActivate(contextFor(UndeclaredController, 'something', caller(['search'])))).toThrow(
      ForbiddenException,
    );
  });

  it('leaves public routes alone', () => {
    expect(sut.canActivate(contextFor(UndeclaredController, 'open', undefined))).toBe(true);
  });
});

describe(missingPermission.name, () => {
  it('is null for a JWT, which holds every permission', () => {
    for (const permission of PERMISSIONS) {
      expect(missingPermission({ permissions: PERMISSIONS }, permission)).toBeNull();
    }
  });

  it('names the first permission missing for an undeclared route', () => {
    expect(missingPermission({ permissions: ['search', 'videos:read'] }, undefined)).toBe('videos:write');
  });
});
