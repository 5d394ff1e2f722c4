import type { PackageDefinition, ProtobufTypeDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { readFileSync } from 'node:fs';
import { FileDescriptorProto, FileDescriptorSet, type IFileDescriptorProto } from 'protobufjs/ext/descriptor';

/**
 * Serves reflection from the protoc-compiled descriptor set rather than from proto-loader's own package
 * definition: protoc keeps the real file names and imports, which grpcurl's `describe` needs (STACK.md §8).
 * ReflectionService only reads `fileDescriptorProtos` from the definition, so one entry carrying every file suffices.
 */
export function createReflectionService(descriptorSetPath: string): ReflectionService {
  const set = FileDescriptorSet.decode(readFileSync(descriptorSetPath)) as unknown as { file: IFileDescriptorProto[] };
  const fileDescriptorProtos = set.file.map((file) =>
    Buffer.from(FileDescriptorProto.encode(FileDescriptorProto.fromObject(file)).finish()),
  );
  const descriptorSet: ProtobufTypeDefinition = { format: 'FileDescriptorSet', type: {}, fileDescriptorProtos };
  return new ReflectionService({ descriptorSet } as PackageDefinition);
}
