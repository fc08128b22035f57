// Event tables for core/v1 and events.k8s.io/v1: both print the same columns (Kubernetes converts to one internal Event).

import type { KObject } from '../../api/object.ts';
import { col, wide } from './columns.ts';
import { parseTime, since } from './duration.ts';
import type { TableColumn, TablePrinter } from './types.ts';
import { at, has, int, isDict, str } from './values.ts';

/** The fields the event printer reads, in core/v1 terms. */
interface EventView {
  name: string;
  type: string;
  reason: string;
  message: string;
  involvedObject: unknown;
  sourceComponent: string;
  sourceHost: string;
  reportingController: string;
  reportingInstance: string;
  firstTimestamp: unknown;
  lastTimestamp: unknown;
  eventTime: unknown;
  count: number;
  series: unknown;
}

function coreView(ev: KObject): EventView {
  return {
    name: ev.metadata?.name ?? '',
    type: str(ev, 'type'),
    reason: str(ev, 'reason'),
    message: str(ev, 'message'),
    involvedObject: at(ev, 'involvedObject'),
    sourceComponent: str(ev, 'source', 'component'),
    sourceHost: str(ev, 'source', 'host'),
    reportingController: str(ev, 'reportingComponent'),
    reportingInstance: str(ev, 'reportingInstance'),
    firstTimestamp: at(ev, 'firstTimestamp'),
    lastTimestamp: at(ev, 'lastTimestamp'),
    eventTime: at(ev, 'eventTime'),
    count: int(ev, 'count'),
    series: at(ev, 'series'),
  };
}

/** events.k8s.io/v1 field names mapped onto the core ones, as Kubernetes' conversion does. */
function eventsV1View(ev: KObject): EventView {
  return {
    name: ev.metadata?.name ?? '',
    type: str(ev, 'type'),
    reason: str(ev, 'reason'),
    message: str(ev, 'note'),
    involvedObject: at(ev, 'regarding'),
    sourceComponent: str(ev, 'deprecatedSource', 'component'),
    sourceHost: str(ev, 'deprecatedSource', 'host'),
    reportingController: str(ev, 'reportingController'),
    reportingInstance: str(ev, 'reportingInstance'),
    firstTimestamp: at(ev, 'deprecatedFirstTimestamp'),
    lastTimestamp: at(ev, 'deprecatedLastTimestamp'),
    eventTime: at(ev, 'eventTime'),
    count: int(ev, 'deprecatedCount'),
    series: at(ev, 'series'),
  };
}

/** Which wire shape an event has: events.k8s.io/v1 by apiVersion, else by its field names. */
function isEventsV1(ev: KObject): boolean {
  if (typeof ev.apiVersion === 'string' && ev.apiVersion !== '') return ev.apiVersion.startsWith('events.k8s.io/');
  return !has(ev, 'involvedObject') && (has(ev, 'regarding') || has(ev, 'note'));
}

/** formatEventSource: component (or reporting controller), then ", host" (or reporting instance) when there is one. */
function eventSource(v: EventView): string {
  const component = v.sourceComponent || v.reportingController;
  const instance = v.sourceHost || v.reportingInstance;
  return instance === '' ? component : `${component}, ${instance}`;
}

function eventCells(v: EventView, now: number): unknown[] {
  const first = since(parseTime(v.firstTimestamp) !== undefined ? v.firstTimestamp : v.eventTime, now);
  let last = parseTime(v.lastTimestamp) !== undefined ? since(v.lastTimestamp, now) : first;
  let count = v.count;
  if (isDict(v.series)) {
    last = since(at(v.series, 'lastObservedTime'), now);
    count = int(v.series, 'count');
  } else if (count === 0) {
    count = 1; // singleton events of the new API carry no count
  }
  const kind = str(v.involvedObject, 'kind').toLowerCase();
  const objName = str(v.involvedObject, 'name');
  const target = objName !== '' ? `${kind}/${objName}` : kind;
  return [
    last, v.type, v.reason, target,
    str(v.involvedObject, 'fieldPath'),
    eventSource(v),
    v.message.trim(),
    first,
    count,
    v.name,
  ];
}

const eventColumns: readonly TableColumn[] = [
  col('Last Seen', 'string', 'Time since the event was last observed.'),
  col('Type', 'string', 'Normal or Warning.'),
  col('Reason', 'string', 'Short machine-readable reason for the event.'),
  col('Object', 'string', 'Object the event is about, as kind/name.'),
  wide('Subobject', 'string', 'Field path within the object, such as a container.'),
  wide('Source', 'string', 'Component (and host) that reported the event.'),
  col('Message', 'string', 'Human-readable description of the event.'),
  wide('First Seen', 'string', 'Time since the event was first observed.'),
  wide('Count', 'string', 'How many times the event has occurred.'),
  col('Name', 'string', 'Name of the event object.', 1, 'name'),
];

/** core/v1 events (accepts events.k8s.io/v1 shapes too). */
export const eventPrinter: TablePrinter = {
  columns: eventColumns,
  row: (ev, now) => eventCells(isEventsV1(ev) ? eventsV1View(ev) : coreView(ev), now),
};

/** events.k8s.io/v1 events (accepts core/v1 shapes too). */
export const eventsV1Printer: TablePrinter = {
  columns: eventColumns,
  row: (ev, now) => eventCells(isEventsV1(ev) || !has(ev, 'involvedObject') ? eventsV1View(ev) : coreView(ev), now),
};
