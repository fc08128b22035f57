// Shared test fixtures: realistic CRD schemas (a CronTab-like resource with the usual kinds of fields).

import type { JSONSchemaProps } from './types.ts';

/** The CronTab of the Kubernetes docs, grown: pattern, bounds, enum, nested lists, int-or-string, free-form parts. */
export function cronTabSchema(): JSONSchemaProps {
  return {
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec: {
        type: 'object',
        required: ['cronSpec', 'image'],
        properties: {
          cronSpec: { type: 'string', pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$' },
          image: { type: 'string', maxLength: 32 },
          replicas: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
          concurrencyPolicy: { type: 'string', enum: ['Allow', 'Forbid', 'Replace'], default: 'Allow' },
          port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
          suspend: { type: 'boolean' },
          containers: {
            type: 'array',
            maxItems: 3,
            items: {
              type: 'object',
              required: ['name'],
              properties: {
                name: { type: 'string', minLength: 1 },
                image: { type: 'string' },
                pullPolicy: { type: 'string', default: 'IfNotPresent' },
                ports: { type: 'array', items: { type: 'integer', format: 'int32', minimum: 1, maximum: 65535 } },
                env: {
                  type: 'array',
                  'x-kubernetes-list-type': 'map',
                  'x-kubernetes-list-map-keys': ['name'],
                  items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, value: { type: 'string' } } },
                },
              },
            },
          },
          tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
          labels: { type: 'object', additionalProperties: { type: 'string', maxLength: 8 } },
          config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          template: {
            type: 'object',
            'x-kubernetes-embedded-resource': true,
            'x-kubernetes-preserve-unknown-fields': true,
          },
          owner: { type: 'string', format: 'email' },
          schedule: { type: 'string', format: 'date-time', nullable: true },
        },
      },
      status: {
        type: 'object',
        properties: {
          lastScheduleTime: { type: 'string', format: 'date-time' },
          active: { type: 'integer' },
        },
      },
    },
  };
}

/** A valid CronTab object for cronTabSchema(). */
export function cronTab(spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'stable.example.com/v1',
    kind: 'CronTab',
    metadata: { name: 'my-new-cron-object', namespace: 'default' },
    spec: { cronSpec: '* * * * */5', image: 'my-awesome-cron-image', ...spec },
  };
}
