import { credentials } from '@grpc/grpc-js';
import { HEALTH_PROTO_FILE, PROTO_ROOT, SEARCH_PROTO_FILES } from '@proto/proto-files';
import { GrpcReflection } from 'grpc-js-reflection-client';
import { join } from 'node:path';
import { Enum, Namespace, ReflectionObject, Root, Service, Type } from 'protobufjs';
import { removeSearchServiceData, RunningSearchService, startSearchService } from './support/search-service-process';

/** Every service, message and enum the local .proto files declare: what grpcurl users may `describe`. */
function localSymbols(): { services: Service[]; types: Type[]; enums: Enum[] } {
  const root = new Root();
  root.resolvePath = (_origin, target) => join(PROTO_ROOT, target);
  root.loadSync([...SEARCH_PROTO_FILES, HEALTH_PROTO_FILE]);
  root.resolveAll();
  const found = { services: [] as Service[], types: [] as Type[], enums: [] as Enum[] };
  const visit = (object: ReflectionObject): void => {
    if (object instanceof Service) {
      found.services.push(object);
    } else if (object instanceof Type) {
      found.types.push(object);
    } else if (object instanceof Enum) {
      found.enums.push(object);
    }
    if (object instanceof Namespace) {
      object.nestedArray.forEach(visit);
    }
  };
  visit(root);
  return found;
}

/** The reflection client bundles its own protobufjs, so its objects are compared structurally. */
const fqn = (object: { fullName: string }): string => object.fullName.replace(/^\./, '');

jest.setTimeout(60000);

describe('server reflection (built process)', () => {
  let service: RunningSearchService;
  let reflection: GrpcReflection;
  const local = localSymbols();

  beforeAll(async () => {
    service = await startSearchService();
    reflection = new GrpcReflection(service.url, credentials.createInsecure());
  });

  afterAll(async () => {
    await service?.stop();
    if (service) {
      await removeSearchServiceData(service.dataDir);
    }
  });

  it('lists every service without the service token', async () => {
    const services = await reflection.listServices();
    expect(services).toEqual(
      expect.arrayContaining([
        'videosearch.search.v1.SearchService',
        'videosearch.search.v1.IndexService',
        'videosearch.search.v1.SettingsService',
        'grpc.health.v1.Health',
      ]),
    );
  });

  it.each(local.services.map((svc) => [fqn(svc), svc] as const))('describes service %s', async (name, svc) => {
    const root = (await reflection.getDescriptorBySymbol(name)).getProtobufJsRoot();
    const described = root.lookupService(name);
    expect(Object.keys(described.methods).sort()).toEqual(Object.keys(svc.methods).sort());
    for (const method of svc.methodsArray) {
      const remote = described.methods[method.name];
      expect(remote.requestType.replace(/^\./, '')).toBe(fqn(method.resolvedRequestType as Type));
      expect(remote.responseType.replace(/^\./, '')).toBe(fqn(method.resolvedResponseType as Type));
      expect(Boolean(remote.responseStream)).toBe(Boolean(method.responseStream));
    }
  });

  it.each(local.types.map((type) => [fqn(type), type] as const))('describes message %s', async (name, type) => {
    const root = (await reflection.getDescriptorBySymbol(name)).getProtobufJsRoot();
    root.resolveAll();
    const described = root.lookupType(name);
    const shape = (message: { fieldsArray: Type['fieldsArray'] | ReturnType<typeof root.lookupType>['fieldsArray'] }) =>
      message.fieldsArray.map((field) => [
        field.name,
        field.id,
        field.resolvedType ? fqn(field.resolvedType) : field.type,
        field.repeated,
      ]);
    expect(shape(described)).toEqual(shape(type));
  });

  it.each(local.enums.map((enumType) => [fqn(enumType), enumType] as const))(
    'describes enum %s',
    async (name, enumType) => {
      const root = (await reflection.getDescriptorBySymbol(name)).getProtobufJsRoot();
      expect(root.lookupEnum(name).values).toEqual(enumType.values);
    },
  );
});
