import { isMap, isSeq, type Tags } from 'yaml';

/** CloudFormation's short-form intrinsics and the long form each stands for. */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  Ref: 'Ref',
  Condition: 'Condition',
  GetAtt: 'Fn::GetAtt',
  Sub: 'Fn::Sub',
  If: 'Fn::If',
  Select: 'Fn::Select',
  Join: 'Fn::Join',
  Split: 'Fn::Split',
  FindInMap: 'Fn::FindInMap',
  Equals: 'Fn::Equals',
  And: 'Fn::And',
  Or: 'Fn::Or',
  Not: 'Fn::Not',
  ImportValue: 'Fn::ImportValue',
  Base64: 'Fn::Base64',
  GetAZs: 'Fn::GetAZs',
  Cidr: 'Fn::Cidr',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
  Transform: 'Fn::Transform',
};

/**
 * `yaml` custom tags that read `!Ref X`, `!GetAtt A.B`, `!Sub [...]`, `!If [...]` … as the long
 * form (`{ Ref: 'X' }`, `{ 'Fn::GetAtt': 'A.B' }`), on scalars, sequences and mappings alike,
 * so the rest of the reader sees one syntax. `!GetAtt A.B` stays a string; the resolver splits it.
 */
export function cfnTags(): Tags {
  const tags: Tags = [];
  for (const [short, long] of Object.entries(SHORT_FORMS)) {
    const tag = `!${short}`;
    tags.push({ tag, resolve: (value: string) => ({ [long]: value }) });
    tags.push({ tag, collection: 'seq', resolve: (node) => ({ [long]: isSeq(node) ? node.toJSON() : node }) });
    tags.push({ tag, collection: 'map', resolve: (node) => ({ [long]: isMap(node) ? node.toJSON() : node }) });
  }
  return tags;
}
