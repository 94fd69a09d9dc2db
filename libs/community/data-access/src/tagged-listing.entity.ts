import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A competition as proposals last published it (`proposals.competition.opened`, then `proposals.competition.changed`
 * as its dates move or its phase does): the public fields a community lists under its interests. Replica only:
 * proposals owns competitions.
 */
@Entity({ name: 'tagged_competition' })
@Index('tagged_competition_tags_idx', { synchronize: false }) // GIN on tags, in the migration
export class TaggedCompetitionEntity {
  @PrimaryColumn({ type: 'uuid' })
  competitionId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'timestamptz' })
  opensAt!: Date;

  @Column({ type: 'timestamptz' })
  closesAt!: Date;

  /** OPEN, JUDGING, RESULTS_PUBLISHED or CANCELLED (not listed); OPEN until a change says otherwise. */
  @Column({ type: 'text', default: 'OPEN' })
  phase!: string;

  /** In the key form of `interestTagKey` (lower case), as the event carries them. */
  @Column({ type: 'text', array: true })
  tags!: string[];
}

/**
 * A mastermind group as mentorship published it when it was formed (`mentorship.mastermind.group-formed`): name,
 * tags, cadence and size. Who is in it stays in mentorship.
 */
@Entity({ name: 'tagged_mastermind_group' })
@Index('tagged_mastermind_group_tags_idx', { synchronize: false }) // GIN on tags, in the migration
export class TaggedMastermindGroupEntity {
  @PrimaryColumn({ type: 'uuid' })
  groupId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'int' })
  cadenceDays!: number;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'timestamptz' })
  formedAt!: Date;

  /** In the key form of `interestTagKey` (lower case), as the event carries them. */
  @Column({ type: 'text', array: true })
  tags!: string[];
}
