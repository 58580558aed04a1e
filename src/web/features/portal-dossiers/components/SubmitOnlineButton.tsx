import { Button } from '@mantine/core';
import { Link } from 'react-router';
import type { ProcedureMethod } from '../../../../domain/catalogue/procedure.js';
import { submissionPagePath } from '../portal-dossier-paths.js';

/** "Nộp hồ sơ trực tuyến" on a procedure page, only when the procedure is offered online. */
export function SubmitOnlineButton({ code, methods }: { code: string; methods: readonly Pick<ProcedureMethod, 'channel'>[] }) {
  if (!methods.some((m) => m.channel === 'online')) return null;
  return (
    <Button component={Link} to={submissionPagePath(code)} size="md" style={{ alignSelf: 'flex-start' }}>
      Nộp hồ sơ trực tuyến
    </Button>
  );
}
