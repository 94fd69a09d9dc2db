import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A community of practice: a named interest group with moderators and members. */
@Entity({ name: 'community' })
// unique on lower(name), written in the migration (TypeORM cannot express an index on an expression)
@Index('community_name_uq', { synchronize: false })
export class CommunityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Unique ignoring case (index `community_name_uq` on lower(name), in the migration). */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** Tags that link the community to programmes, competitions and groups with the same interests. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  interests!: string[];

  @Column({ type: 'uuid' })
  createdBy!: string;

  /** Kept by the join and leave statements themselves, so concurrent joins count exactly. */
  @Column({ type: 'int', default: 0 })
  memberCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'community_moderator' })
export class CommunityModeratorEntity {
  @PrimaryColumn({ type: 'uuid' })
  communityId!: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;
}

export type ModeratorChange = 'APPOINTED' | 'REMOVED';

/** The audit of who made whom a moderator of a community, or removed them, and when (append only). */
@Entity({ name: 'community_moderator_change' })
@Index('community_moderator_change_idx', ['communityId', 'at', 'id'])
export class CommunityModeratorChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  communityId!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  change!: ModeratorChange;

  /** The admin who made the change. */
  @Column({ type: 'uuid' })
  actorId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}

@Entity({ name: 'community_membership' })
@Index('community_membership_member_idx', ['memberId'])
export class CommunityMembershipEntity {
  @PrimaryColumn({ type: 'uuid' })
  communityId!: string;

  @PrimaryColumn({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'timestamptz' })
  joinedAt!: Date;
}

/** A moderator's post; members read them newest first. */
@Entity({ name: 'community_announcement' })
@Index('community_announcement_feed_idx', ['communityId', 'postedAt', 'id'])
export class CommunityAnnouncementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  communityId!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', nullable: true })
  link!: string | null;

  @Column({ type: 'timestamptz' })
  postedAt!: Date;
}
