import { describe, expect, test } from 'vitest';
import { applyPresenceChange, type PresentPerson } from '../presence-protocol';

const ana: PresentPerson = { name: 'Ana', clientId: 'a' };
const ben: PresentPerson = { name: 'Ben', clientId: 'b' };
const someone: PresentPerson = { name: '', clientId: '' };

describe('applyPresenceChange', () => {
  test.each([
    ['joined adds the person in order', [ben], { type: 'joined', person: ana }, [ana, ben]],
    ['named people come before unnamed ones', [someone], { type: 'joined', person: ben }, [ben, someone]],
    ['left removes the person', [ana, ben], { type: 'left', person: ana }, [ben]],
    ['left of someone not listed changes nothing', [ana], { type: 'left', person: ben }, [ana]],
    ['left of a browser under another name changes nothing', [ana], { type: 'left', person: { name: 'Anna', clientId: 'a' } }, [ana]],
    ['left removes one of several streams without a client id', [ana, someone, someone], { type: 'left', person: someone }, [ana, someone]],
  ] as const)('%s', (_, list, change, expected) => {
    expect(applyPresenceChange(list, change)).toEqual(expected);
  });

  test('a rename arrives as left then joined', () => {
    const renamed = applyPresenceChange(applyPresenceChange([someone, { name: '', clientId: 'z' }], { type: 'left', person: { name: '', clientId: 'z' } }), {
      type: 'joined',
      person: { name: 'Zoe', clientId: 'z' },
    });
    expect(renamed).toEqual([{ name: 'Zoe', clientId: 'z' }, someone]);
  });

  test('the list it was given is left as it was', () => {
    const list = [ana];
    applyPresenceChange(list, { type: 'joined', person: ben });
    applyPresenceChange(list, { type: 'left', person: ana });
    expect(list).toEqual([ana]);
  });
});
