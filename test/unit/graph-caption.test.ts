import { describe, expect, it } from 'vitest';
import { captionKeyAmong, nodeCaption, shortId } from '../../server/graph/caption.js';

const keys = ['name', 'title', 'code', 'id'];

describe('captions', () => {
  it('uses the first configured key the node has, skipping empty values', () => {
    expect(
      nodeCaption(
        { id: '4:a:1', labels: ['Person'], properties: { name: 'Rubo Liang', title: 'CEO' } },
        keys,
      ),
    ).toBe('Rubo Liang');
    expect(
      nodeCaption(
        { id: '4:a:1', labels: ['Article'], properties: { name: '  ', title: 'A title' } },
        keys,
      ),
    ).toBe('A title');
    expect(
      nodeCaption({ id: '4:a:1', labels: ['PostCode'], properties: { code: 'WN3 4NL' } }, keys),
    ).toBe('WN3 4NL');
  });

  it('reads numbers and the first item of a list', () => {
    expect(nodeCaption({ id: '4:a:1', labels: ['X'], properties: { code: 42 } }, keys)).toBe('42');
    expect(
      nodeCaption({ id: '4:a:1', labels: ['X'], properties: { name: ['first', 'second'] } }, keys),
    ).toBe('first');
  });

  it('falls back to the first label and the short element id', () => {
    expect(shortId('4:c20fe9ef-f5f1:43461')).toBe('43461');
    expect(
      nodeCaption(
        { id: '4:c20fe9ef-f5f1:43461', labels: ['PhoneCall'], properties: { call_duration: 3 } },
        keys,
      ),
    ).toBe('PhoneCall 43461');
    expect(nodeCaption({ id: '4:x:7', labels: [], properties: {} }, keys)).toBe('Node 7');
  });

  it('names the caption key of a label from its property keys', () => {
    expect(captionKeyAmong(['surname', 'title', 'name'], keys)).toBe('name');
    expect(captionKeyAmong(['address'], keys)).toBeUndefined();
  });
});
