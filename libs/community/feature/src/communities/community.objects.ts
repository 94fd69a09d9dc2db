import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { IsNotBlank, IsPlainText, ConnectionType } from '@praxis/platform/graphql';
import type { CareerStage } from '@praxis/contracts';
import { CareerStageEnum, MemberRef } from '../shared/objects';

const TERM_RULE = { each: true, message: 'each entry is 1 to 80 characters' };

@InputType()
export class CreateCommunityInput {
  @Field()
  @IsString()
  @IsNotBlank()
  @IsPlainText()
  @Length(1, 120)
  name!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(5000)
  description!: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 80, TERM_RULE)
  interests!: string[];

  @Field(() => [ID], {
    defaultValue: [],
    description: 'Members who may post announcements and run programmes',
  })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'each moderator id must be a UUID' })
  moderatorIds!: string[];
}

@InputType()
export class PostAnnouncementInput {
  @Field()
  @IsString()
  @IsNotBlank()
  @IsPlainText()
  @Length(1, 200)
  title!: string;

  @Field()
  @IsString()
  @IsNotBlank()
  @Length(1, 10000)
  body!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'must be an https:// link' })
  @MaxLength(2000)
  link?: string | null;
}

@ObjectType('CommunityMember', { description: 'A member of a community, with public profile fields only' })
export class CommunityMemberObject {
  @Field(() => MemberRef)
  member!: MemberRef;

  @Field()
  displayName!: string;

  @Field(() => CareerStageEnum)
  careerStage!: CareerStage;

  @Field(() => ID)
  institutionId!: string;

  @Field(() => [String])
  interests!: string[];

  @Field()
  joinedAt!: Date;
}

@ObjectType('Announcement')
export class AnnouncementObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  communityId!: string;

  @Field(() => MemberRef)
  author!: MemberRef;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => String, { nullable: true })
  link!: string | null;

  @Field()
  postedAt!: Date;
}

@ObjectType('Community', { description: 'A community of practice: a named interest group' })
export class CommunityObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [String])
  interests!: string[];

  @Field(() => [MemberRef])
  moderators!: MemberRef[];

  @Field(() => Int)
  memberCount!: number;

  @Field()
  createdAt!: Date;

  @Field({ description: 'Whether the caller is a member' })
  viewerIsMember!: boolean;

  @Field({ description: 'Whether the caller moderates it' })
  viewerIsModerator!: boolean;
}

export const CommunityConnection = ConnectionType(CommunityObject, 'Community');
export const CommunityMemberConnection = ConnectionType(CommunityMemberObject, 'CommunityMember');
export const AnnouncementConnection = ConnectionType(AnnouncementObject, 'Announcement');

export enum ModeratorChangeEnum {
  APPOINTED = 'APPOINTED',
  REMOVED = 'REMOVED',
}
registerEnumType(ModeratorChangeEnum, { name: 'ModeratorChange' });

@ObjectType('ModeratorChangeRecord', {
  description:
    "One entry of a community's moderator audit: who was appointed or removed, by which admin, when",
})
export class ModeratorChangeObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  communityId!: string;

  @Field(() => MemberRef)
  member!: MemberRef;

  @Field(() => ModeratorChangeEnum)
  change!: ModeratorChangeEnum;

  @Field(() => MemberRef, { description: 'The admin who made the change' })
  actor!: MemberRef;

  @Field()
  at!: Date;
}

export const ModeratorChangeConnection = ConnectionType(ModeratorChangeObject, 'ModeratorChangeRecord');
