import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';

export type { SdkAttributeValue };

/** An item in the SDK's DynamoDB JSON (binary as Uint8Array), as `marshall` returns it. */
export type SdkItem = Record<string, SdkAttributeValue>;
