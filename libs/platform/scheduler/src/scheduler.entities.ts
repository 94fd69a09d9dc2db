import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ScheduledJobRunStatus = 'running' | 'succeeded' | 'failed';

/** One tick of one job, claimed by the replica that runs it; the primary key makes the claim unique. */
@Entity({ name: 'scheduled_job_run' })
export class ScheduledJobRun {
  @PrimaryColumn({ type: 'text' })
  job!: string;

  @PrimaryColumn({ type: 'timestamptz' })
  tick!: Date;

  @Column({ type: 'text' })
  runner!: string;

  @Column({ type: 'text', default: 'running' })
  status!: ScheduledJobRunStatus;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

export const SCHEDULER_ENTITIES = [ScheduledJobRun];
