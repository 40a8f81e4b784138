import { authorize } from '@/lib/db/access';
import { actingAs } from '@/lib/http/acting-as';
import { authorizeTasksChange, clearTasks, setTasks, tasksOfMap } from '@/lib/db/tasks';
import { handle, parseBody } from '@/lib/http/errors';
import { tasksSchema } from '@/lib/validation/tasks';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

// GET /api/maps/[slug]/tasks — the tasks set on the map, or null (anyone who may view it)
export const GET = handle(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const access = await authorize(request, slug, 'view');
  return Response.json({ tasks: await tasksOfMap(access.mapId) });
});

// PUT /api/maps/[slug]/tasks — set the tasks of a class copy, replacing any before (owner only)
export const PUT = handle(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const access = await authorizeTasksChange(request, slug);
  const input = await parseBody(request, tasksSchema);
  return Response.json({ tasks: await setTasks(access, input, actingAs(request, access)) });
});

// DELETE /api/maps/[slug]/tasks — turn the tasks off (owner only); progress stays in the log
export const DELETE = handle(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const access = await authorizeTasksChange(request, slug);
  return Response.json(await clearTasks(access, actingAs(request, access)));
});
