// `npm start`: prepare the database, build once if there is no build, then serve on PORT (3000).
import { prepareDatabase } from './prepare-db.mjs';
import { serve } from './serve.mjs';

await prepareDatabase();
serve({ port: process.env.PORT || '3000' });
