export type { Model, EventName, DiscardReason, DiscardedRecord } from './Model.js';
export type { Owed, OwedItem, UncertainItem } from './Owed.js';
export type { ImageForm, ImageForms, ImageOf, ImagesOptions, OwedImagesOptions, JsonValue } from './imageForms.js';
export { buildModel } from './buildModel.js';
