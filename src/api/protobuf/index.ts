// Kubernetes protobuf bodies: decoding `application/vnd.kubernetes.protobuf` requests into JSON objects, and back.

export {
  decodeKubernetesProtobuf, protobufMediaType, protobufMagic, jsonYamlMediaTypes,
  type ExpectedKind, type DecodeOptions,
} from './decode.ts';
export { encodeKubernetesProtobuf, hasProtobufSchema } from './encode.ts';
