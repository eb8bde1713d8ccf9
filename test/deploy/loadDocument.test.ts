import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/deploy/loadDocument.js';
import { templateFile } from './support.js';

describe('loadDocument', () => {
  it('reads short-form intrinsics on scalars, sequences and mappings as their long form', () => {
    const file = templateFile(
      [
        'a: !Ref X',
        'b: !GetAtt T.StreamArn',
        'c: !Sub',
        '  - "${A}-x"',
        '  - A: !Ref B',
        'd: !If [C, !Select [0, !Split [",", "p,q"]], !Join ["", [a, b]]]',
        'e: !Equals [!FindInMap [M, k, v], !ImportValue shared]',
        'f: !Not [!Condition C]',
        'g: !Base64 { "Fn::Sub": "x" }',
        'h: !GetAtt [T, Arn]',
        'i: !Transform { Name: AWS::Include }',
        'date: 2012-10-17',
      ].join('\n'),
    );
    expect(loadDocument(file)).toEqual({
      a: { Ref: 'X' },
      b: { 'Fn::GetAtt': 'T.StreamArn' },
      c: { 'Fn::Sub': ['${A}-x', { A: { Ref: 'B' } }] },
      d: { 'Fn::If': ['C', { 'Fn::Select': [0, { 'Fn::Split': [',', 'p,q'] }] }, { 'Fn::Join': ['', ['a', 'b']] }] },
      e: { 'Fn::Equals': [{ 'Fn::FindInMap': ['M', 'k', 'v'] }, { 'Fn::ImportValue': 'shared' }] },
      f: { 'Fn::Not': [{ Condition: 'C' }] },
      g: { 'Fn::Base64': { 'Fn::Sub': 'x' } },
      h: { 'Fn::GetAtt': ['T', 'Arn'] },
      i: { 'Fn::Transform': { Name: 'AWS::Include' } },
      date: '2012-10-17',
    });
  });

  it('reports unknown tags, duplicate keys and invalid JSON with the file and the place', () => {
    const unknown = templateFile('a: !Reference X\n');
    expect(() => loadDocument(unknown)).toThrow(`deployment: ${unknown}: is not valid YAML at line 1, column 4: Unresolved tag: !Reference`);
    const duplicate = templateFile('a: 1\nb: 2\na: 3\n');
    expect(() => loadDocument(duplicate)).toThrow(`deployment: ${duplicate}: is not valid YAML at line 3, column 1: Map keys must be unique`);
    const json = templateFile('{"Resources": }', 'template.json');
    expect(() => loadDocument(json)).toThrow(new RegExp(`^deployment: ${json.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: is not valid JSON: `));
    const list = templateFile('- a\n- b\n');
    expect(() => loadDocument(list)).toThrow(`deployment: ${list}: must hold a mapping at the top (a template or a serverless.yml) (got ["a","b"])`);
  });
});
