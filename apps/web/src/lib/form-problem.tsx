import { Alert } from '@mantine/core';

/** A form's error that names no field (wrong password, throttled, offline), announced when it appears. */
export function FormProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <Alert color="red" role="alert">
      {problem}
    </Alert>
  );
}
