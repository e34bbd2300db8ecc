/**
 * A bundle as linked data: an event of the EU Core Public Service Vocabulary (CPSV-AP: a Life Event for
 * people, a Business Event for enterprises) that groups its member services (`cv:isGroupedBy`, the
 * property CPSV-AP defines from a public service to the event that groups it), each member a schema.org
 * GovernmentService as tongban writes items elsewhere. Used by the guide's bundle pages and by
 * `tongban export -f jsonld`.
 */
import { governmentService } from '../guide/view.js';
import type { ImplementationItem, Incomplete } from '../model.js';
import type { Bundle } from './model.js';

export const BUNDLE_CONTEXT = {
  '@vocab': 'https://schema.org/',
  cv: 'http://data.europa.eu/m8g/',
  dct: 'http://purl.org/dc/terms/',
};

/** A stable node id for the bundle within its catalog. */
export function bundleNodeId(catalog: string, id: string): string {
  return `urn:tongban:bundle:${encodeURIComponent(catalog)}:${encodeURIComponent(id)}`;
}

/** People's matters are life events; a bundle whose members serve anyone else is a business event. */
function eventType(members: readonly Incomplete<ImplementationItem>[]): string {
  // Items that do not say whom they serve are not taken to serve people.
  const people =
    members.length > 0 &&
    members.every((m) => m.serviceObjects?.length && m.serviceObjects.every((o) => o === '自然人'));
  return people ? 'cv:LifeEvent' : 'cv:BusinessEvent';
}

/**
 * The event and its member services as JSON-LD nodes (no @context: the caller puts them in a graph).
 * `members` are the member items that could be read, in the bundle's order.
 */
export function bundleNodes(
  bundle: Bundle,
  catalog: string,
  members: readonly Incomplete<ImplementationItem>[],
  regionName: string | null,
): Record<string, unknown>[] {
  const id = bundleNodeId(catalog, bundle.id);
  const event = {
    '@id': id,
    '@type': eventType(members),
    'dct:identifier': bundle.id,
    'dct:title': bundle.name,
    ...(bundle.description ? { 'dct:description': bundle.description } : {}),
    ...(bundle.keyMatter ? { 'dct:type': `tongban:key-matter:${bundle.keyMatter}` } : {}),
  };
  const services = members.map((item) => {
    const { '@context': _context, ...service } = governmentService(item, regionName);
    return { ...service, 'cv:isGroupedBy': { '@id': id } };
  });
  return [event, ...services];
}
