import { z } from 'zod';
import { procedure, router } from '../init';

export const systemRouter = router({
  info: procedure('viewer').input(z.void()).query(({ ctx }) => ({
    db: ctx.app.dbKind,
    migrations: ctx.app.migrations.applied.length,
    handsontableLicense: ctx.app.config.handsontableLicenseKey === 'non-commercial-and-evaluation' ? 'evaluation' : 'commercial',
  })),
});
