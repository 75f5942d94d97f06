// The persisted form of the search index and of what the indexer knows it indexed, checked when
// read back: a record from an older format, or torn or foreign data, means a full rebuild.
import type { PackedPostings } from './postings';
import type { PackedDocs } from './packed-docs';
import type { IndexData } from './search-index';

/** Bump whenever IndexData, the versions, or what folding produces changes. */
export const SNAPSHOT_FORMAT = 3;

export interface Snapshot {
  index: IndexData;
  /** Per indexed article, the version the indexer indexed (indexer.ts). */
  versions: { ids: string[]; values: string[] };
  /** The count of deleting transactions the index reflects (db/deletions.ts). */
  deletions: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const isString = (value: unknown): value is string => typeof value === 'string';

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

/** By tag, not `instanceof`: a structured clone may come from another realm (tests' fake IDB). */
function isUint32Array(value: unknown): value is Uint32Array {
  return Object.prototype.toString.call(value) === '[object Uint32Array]';
}

function isUint8Array(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

function isPostings(value: unknown): value is PackedPostings {
  return (
    isRecord(value) &&
    isString(value.terms) &&
    isUint32Array(value.counts) &&
    isUint8Array(value.ids) &&
    isUint8Array(value.weights)
  );
}

function isUint16Array(value: unknown): value is Uint16Array {
  return Object.prototype.toString.call(value) === '[object Uint16Array]';
}

/** The shape only: whether the columns fit each other is checked when the index loads them. */
function isPackedDocs(value: unknown): value is PackedDocs {
  return (
    isRecord(value) &&
    isString(value.names) &&
    isUint32Array(value.articleOf) &&
    isUint32Array(value.langOf) &&
    isUint16Array(value.categoryCounts) &&
    isUint32Array(value.categories) &&
    isUint8Array(value.texts) &&
    isUint32Array(value.textEnds) &&
    isUint32Array(value.titleLengths)
  );
}

function isIndexData(value: unknown): value is IndexData {
  return (
    isRecord(value) &&
    typeof value.nextId === 'number' &&
    Number.isInteger(value.nextId) &&
    isUint32Array(value.docIds) &&
    isPackedDocs(value.docs) &&
    isPostings(value.fields) &&
    isPostings(value.bodies)
  );
}

/** The snapshot in a stored record, or null when it cannot be used as it is. */
export function parseSnapshot(format: number, data: unknown): Snapshot | null {
  if (format !== SNAPSHOT_FORMAT || !isRecord(data) || !isIndexData(data.index)) return null;
  const versions = data.versions;
  if (!isRecord(versions) || !isStrings(versions.ids) || !isStrings(versions.values)) return null;
  if (versions.ids.length !== versions.values.length) return null;
  const { deletions } = data;
  if (typeof deletions !== 'number' || !Number.isInteger(deletions)) return null;
  return {
    index: data.index,
    versions: { ids: versions.ids, values: versions.values },
    deletions,
  };
}
