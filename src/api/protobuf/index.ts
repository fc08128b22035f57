// Kubernetes protobuf bodies: decoding `application/vnd.kubernetes.protobuf` requests into JSON objects.

export {
  decodeKubernetesProtobuf, protobufMediaType, protobufMagic, jsonYamlMediaTypes,
  type ExpectedKind, type DecodeOptions,
} from './decode.ts';
