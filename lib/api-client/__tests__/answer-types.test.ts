import { expectTypeOf, test } from 'vitest';
import type * as auth from '@/lib/api-client/auth';
import type * as classes from '@/lib/api-client/classes';
import type * as discussion from '@/lib/api-client/discussion';
import type * as documents from '@/lib/api-client/documents';
import type * as deletionsClient from '@/lib/api-client/deletions';
import type * as invites from '@/lib/api-client/invites';
import type * as maps from '@/lib/api-client/maps';
import type * as newMaps from '@/lib/api-client/new-maps';
import type * as nodes from '@/lib/api-client/nodes';
import type * as progressClient from '@/lib/api-client/progress';
import type * as tasks from '@/lib/api-client/tasks';
import type { ArgNode, Inference } from '@/lib/argument/model';
import type { MapView } from '@/lib/argument/map-view';
import type * as addPoint from '@/lib/db/add-point';
import type * as dbClasses from '@/lib/db/classes';
import type * as deletions from '@/lib/db/deletions';
import type * as dbDiscussion from '@/lib/db/discussion';
import type * as dbDocuments from '@/lib/db/documents';
import type * as dbMapSettings from '@/lib/db/map-settings';
import type * as graphEdits from '@/lib/db/graph-edits';
import type * as dbImport from '@/lib/db/import';
import type * as progress from '@/lib/db/progress';
import type * as dbTasks from '@/lib/db/tasks';
import type * as users from '@/lib/db/users';

/**
 * The client's answer types are the routes' (app/api/**\/route.ts): each is checked here against
 * what the route's data-layer call returns, wrapped as the route wraps it. Types only — a route's
 * answer changing without the client's fails `tsc`. (This file may name lib/db: it is never bundled.)
 */

type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

test('the client’s answer types are what the routes answer', () => {
  // auth/signup, auth/login: { user }
  expectTypeOf<Answer<typeof auth.signUp>>().toEqualTypeOf<{ user: Answer<typeof users.createUser> }>();
  expectTypeOf<Answer<typeof auth.logIn>>().toEqualTypeOf<{ user: Answer<typeof users.authenticate> }>();

  // maps/[slug]: the map view (sent as pre-serialised JSON); PATCH the settings; maps/import
  expectTypeOf<Answer<typeof maps.getMap>>().toEqualTypeOf<MapView>();
  expectTypeOf<Answer<typeof maps.updateMap>>().toEqualTypeOf<Answer<typeof dbMapSettings.updateMapSettings>>();
  expectTypeOf<Answer<typeof newMaps.importMap>>().toEqualTypeOf<{ map: { slug: string }; merged: Answer<typeof dbImport.importMap>['merged'] }>();

  // deletions, restore
  expectTypeOf<Answer<typeof deletionsClient.listDeletions>>().toEqualTypeOf<{ deletions: Answer<typeof deletions.listDeletions> }>();
  expectTypeOf<Answer<typeof nodes.restoreDeletion>>().toEqualTypeOf<Answer<typeof deletions.restoreDeletion>>();

  // nodes, inferences, connections, positions
  expectTypeOf<Answer<typeof nodes.createNode>>().toEqualTypeOf<Answer<typeof addPoint.createNode>>();
  expectTypeOf<Answer<typeof nodes.savePositions>>().toEqualTypeOf<Answer<typeof addPoint.savePositions>>();
  expectTypeOf<Answer<typeof graphEdits.updateNode>>().toEqualTypeOf<ArgNode>();
  expectTypeOf<Answer<typeof nodes.updateNode>>().toEqualTypeOf<{ node: ArgNode }>();
  expectTypeOf<Answer<typeof nodes.deleteNode>>().toEqualTypeOf<Answer<typeof graphEdits.deleteNode>>();
  expectTypeOf<Answer<typeof graphEdits.updateInference>>().toEqualTypeOf<Inference>();
  expectTypeOf<Answer<typeof nodes.updateInference>>().toEqualTypeOf<{ inference: Inference }>();
  expectTypeOf<Answer<typeof nodes.createConnection>>().toEqualTypeOf<Answer<typeof addPoint.createConnection>>();

  // comments and votes
  expectTypeOf<Answer<typeof discussion.listComments>>().toEqualTypeOf<{ comments: Answer<typeof dbDiscussion.listComments> }>();
  expectTypeOf<Answer<typeof discussion.addComment>>().toEqualTypeOf<{ comment: Answer<typeof dbDiscussion.addComment> }>();
  expectTypeOf<Answer<typeof discussion.editComment>>().toEqualTypeOf<{ comment: Answer<typeof dbDiscussion.editComment> }>();
  expectTypeOf<Answer<typeof discussion.deleteComment>>().toEqualTypeOf<{ deleted: Answer<typeof dbDiscussion.deleteComment> }>();
  expectTypeOf<Answer<typeof discussion.getVote>>().toEqualTypeOf<Answer<typeof dbDiscussion.voteSummary>>();
  expectTypeOf<Answer<typeof discussion.castVote>>().toEqualTypeOf<Answer<typeof dbDiscussion.castVote>>();

  // classes: copies, invites/[code], members, invite
  expectTypeOf<Answer<typeof classes.copyMap>>().toEqualTypeOf<{ map: Answer<typeof dbClasses.copyMap>['map']; invite: { code: string; url: string } }>();
  expectTypeOf<Answer<typeof invites.joinClass>>().toEqualTypeOf<{ map: { slug: string }; role: Answer<typeof dbClasses.joinWithInvite>['role'] }>();
  expectTypeOf<Answer<typeof classes.getSharing>>().toEqualTypeOf<Answer<typeof dbClasses.membersOf>>();
  expectTypeOf<Answer<typeof classes.changeInvite>>().toEqualTypeOf<{ invite: Answer<typeof dbClasses.changeInvite> & { url: string } }>();
  expectTypeOf<Answer<typeof classes.setMemberRole>>().toEqualTypeOf<{ member: Answer<typeof dbClasses.setMemberRole> }>();
  expectTypeOf<Answer<typeof classes.removeMember>>().toEqualTypeOf<Answer<typeof dbClasses.removeMember>>();

  // tasks and progress
  expectTypeOf<Answer<typeof progressClient.getTasks>>().toEqualTypeOf<{ tasks: Answer<typeof dbTasks.tasksOfMap> }>();
  expectTypeOf<Answer<typeof tasks.setTasks>>().toEqualTypeOf<{ tasks: Answer<typeof dbTasks.setTasks> }>();
  expectTypeOf<Answer<typeof tasks.clearTasks>>().toEqualTypeOf<Answer<typeof dbTasks.clearTasks>>();
  expectTypeOf<Answer<typeof progressClient.getProgress>>().toEqualTypeOf<Answer<typeof progress.progressOf>>();

  // documents
  expectTypeOf<Answer<typeof newMaps.createDocument>>().toEqualTypeOf<Answer<typeof dbDocuments.createDocumentWithMap>>();
  expectTypeOf<Answer<typeof documents.getSuggestions>>().toEqualTypeOf<Answer<typeof dbDocuments.suggestionsFor>>();
});
