import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A competition as proposals published it when it opened (`proposals.competition.opened`): the public fields a
 * community lists under its interests. Replica only: proposals owns competitions.
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
