import { describe, expect, test } from 'vitest';
import { SharedPresence } from '../shared-presence';

/** Who is on a map across instances (lib/db/shared-presence.ts): merged per browser, changes only when the merged list changes. */
const ann = { name: 'Ann', clientId: 'a' };
const ben = { name: 'Ben', clientId: 'b' };

describe('SharedPresence', () => {
  test('people on two instances make one list; a browser on both is listed once', () => {
    const presence = new SharedPresence();
    expect(presence.apply('A', 'm', 'client:a', { type: 'joined', person: ann })).toEqual([{ type: 'joined', person: ann }]);
    expect(presence.apply('B', 'm', 'client:b', { type: 'joined', person: ben })).toEqual([{ type: 'joined', person: ben }]);
    // Ann's second tab reached instance B: nothing changes for anyone.
    expect(presence.apply('B', 'm', 'client:a', { type: 'joined', person: ann })).toEqual([]);
    expect(presence.presentOn('m')).toEqual([ann, ben]);
    // Her tab on A closes: she is still on B.
    expect(presence.apply('A', 'm', 'client:a', { type: 'left', person: ann })).toEqual([]);
    expect(presence.apply('B', 'm', 'client:a', { type: 'left', person: ann })).toEqual([{ type: 'left', person: ann }]);
    expect(presence.presentOn('m')).toEqual([ben]);
  });

  test('an instance that goes silent takes its people with it, but not those another instance lists', () => {
    const presence = new SharedPresence();
    presence.apply('A', 'm', 'client:a', { type: 'joined', person: ann });
    presence.apply('B', 'm', 'client:a', { type: 'joined', person: ann });
    presence.apply('B', 'm', 'client:b', { type: 'joined', person: ben });
    presence.apply('B', 'n', 'B:connection:7', { type: 'joined', person: { name: '', clientId: '' } });
    expect(presence.dropInstance('B')).toEqual([
      { mapId: 'm', change: { type: 'left', person: ben } },
      { mapId: 'n', change: { type: 'left', person: { name: '', clientId: '' } } },
    ]);
    expect(presence.presentOn('m')).toEqual([ann]);
    expect(presence.presentOn('n')).toEqual([]);
  });

  test('a name learned on another instance shows; what one instance lists can be told to a newcomer', () => {
    const presence = new SharedPresence();
    presence.apply('A', 'm', 'client:a', { type: 'joined', person: { name: '', clientId: 'a' } });
    expect(presence.apply('B', 'm', 'client:a', { type: 'joined', person: ann })).toEqual([
      { type: 'left', person: { name: '', clientId: 'a' } },
      { type: 'joined', person: ann },
    ]);
    expect(presence.listedBy('B')).toEqual([{ mapId: 'm', key: 'client:a', person: ann }]);
    expect(presence.apply('C', 'm', 'client:z', { type: 'left', person: ben })).toEqual([]);
  });
});
