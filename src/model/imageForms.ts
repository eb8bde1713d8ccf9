import { unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { optionError, readObject, readOneOf, rejectUnknownOptions, ShardcheckError } from '../core/index.js';
import type { AttributeMap } from '../table/itemChange.js';

/** How `finalImages` and `owedImages` give images (and the keys handed to `options.key`). */
export type ImageForm = 'native' | 'attributes' | 'json';

export const IMAGE_FORMS: readonly ImageForm[] = ['native', 'attributes', 'json'];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [name: string]: JsonValue };

export interface ImageForms {
  /** `unmarshall(image)` (@aws-sdk/util-dynamodb): sets are Sets, binary stays base64 text as Lambda delivers it. */
  native: Record<string, NativeAttributeValue>;
  /** Lambda-shaped DynamoDB JSON, exactly as in the event (`{ S: 'Ada' }`, binary as base64 text). */
  attributes: AttributeMap;
  /** `JSON.parse(JSON.stringify(unmarshall(image)))`: what a projection stored as JSON holds (sets become `{}`). */
  json: { [name: string]: JsonValue };
}

export type ImageOf<F extends ImageForm> = ImageForms[F];

export interface ImagesOptions<F extends ImageForm = 'native'> {
  /** Default `native`. */
  form?: F;
  /** Keys the map the way your projection does, from the item's key attributes in the same form. Default: the item key (`user#1|42`). */
  key?: (keys: ImageOf<F>) => string;
}

export interface OwedImagesOptions<F extends ImageForm = 'native'> extends ImagesOptions<F> {
  /**
   * The projection you compare with. An item whose end state is uncertain (`model.owed(trace).uncertain`:
   * only with `survivable: false`) then gets the projection's own state when that is one of its
   * legitimate states (compared with node's `util.isDeepStrictEqual`), else its owed state.
   */
  observed?: ReadonlyMap<string, unknown>;
}

/** Validated options; `key` undefined means the item key. */
export interface QualifiedImagesOptions {
  readonly api: string;
  readonly form: ImageForm;
  readonly key: ((keys: never) => unknown) | undefined;
  readonly observed: ReadonlyMap<string, unknown> | undefined;
}

export function qualifyImagesOptions(api: string, options: unknown, withObserved: boolean): QualifiedImagesOptions {
  const path = `${api}.options`;
  const o = readObject(path, options ?? {});
  rejectUnknownOptions(path, o, withObserved ? ['form', 'key', 'observed'] : ['form', 'key']);
  const form = readOneOf(`${path}.form`, o['form'] ?? 'native', IMAGE_FORMS);
  const key = o['key'];
  if (key !== undefined && typeof key !== 'function') throw optionError(`${path}.key`, 'must be a function (keys) => string', key);
  const observed = o['observed'];
  if (observed !== undefined && !isMapLike(observed)) throw optionError(`${path}.observed`, 'must be the Map your projection is compared as', observed);
  return { api, form, key: key as QualifiedImagesOptions['key'], observed };
}

function isMapLike(value: unknown): value is ReadonlyMap<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as Map<string, unknown>).get === 'function' && typeof (value as Map<string, unknown>).has === 'function';
}

/** A Lambda-shaped image (or key) in `form`: a fresh object for `native` and `json`, the model's frozen one for `attributes`. */
export function inForm(image: AttributeMap, o: QualifiedImagesOptions, itemKey: string): unknown {
  if (o.form === 'attributes') return image;
  try {
    const native = unmarshall(image as unknown as Parameters<typeof unmarshall>[0]);
    return o.form === 'native' ? native : JSON.parse(JSON.stringify(native));
  } catch (error) {
    // What the user's projection would hit too (a number beyond 2^53 with a fraction, a bigint in JSON).
    const why = error instanceof Error ? error.message : String(error);
    throw new ShardcheckError(`${o.api}.options.form ${o.form} cannot express item ${itemKey} (${why}); use form 'attributes'`);
  }
}
