import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  CAREER_STAGES,
  ETHNICITY_GROUPS,
  GENDERS,
  ROLES,
  YES_NO_PREFER_NOT,
  type CareerStage,
  type EthnicityGroup,
  type Gender,
  type Role,
  type YesNoPreferNot,
} from '@praxis/contracts';
import { ConnectionType, IsNotBlank, IsPlainText } from '@praxis/platform/graphql';
import { PROFILE_CHANGE_STATUSES, type ProfileChangeStatus } from '@praxis/membership/data-access';

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const CareerStageEnum = enumOf(CAREER_STAGES);
registerEnumType(CareerStageEnum, { name: 'CareerStage' });
/** GraphQL enum values are upper case; the contracts' role names are lower case. */
export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role.toUpperCase(), role])) as Record<
  Uppercase<Role>,
  Role
>;
registerEnumType(RoleEnum, { name: 'Role' });
export const GenderEnum = enumOf(GENDERS);
registerEnumType(GenderEnum, { name: 'Gender' });
export const EthnicityGroupEnum = enumOf(ETHNICITY_GROUPS);
registerEnumType(EthnicityGroupEnum, {
  name: 'EthnicityGroup',
  description: 'Top-level ethnic groups of the 2021 census of England and Wales',
});
export const YesNoEnum = enumOf(YES_NO_PREFER_NOT);
registerEnumType(YesNoEnum, { name: 'YesNoPreferNotToSay' });

@ObjectType('Institution')
@Directive('@key(fields: "id")')
export class InstitutionObject {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  country!: string;
}

export const InstitutionConnection = ConnectionType(InstitutionObject, 'Institution');

@ObjectType('RoleGrant')
export class RoleGrantObject {
  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The institution a lead watches' })
  institutionId!: string | null;
}

@ObjectType('Member')
@Directive('@key(fields: "id")')
export class MemberObject {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => CareerStageEnum)
  careerStage!: CareerStage;

  @Field(() => ID)
  institutionId!: string;

  @Field(() => [String])
  interests!: string[];

  @Field(() => [RoleGrantObject])
  roles!: RoleGrantObject[];

  @Field(() => String, {
    nullable: true,
    description: 'Private: only the member, leads of their institution and admins',
  })
  email!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Public, like interests: the clinical or academic specialty, used to suggest and match mentors; null when not given',
  })
  specialty!: string | null;

  @Field(() => Date, { description: 'When the member registered' })
  joinedAt!: Date;

  @Field({
    description:
      "Public: whether a lead of the institution or an admin confirmed it. A new member's is not until their registration is confirmed; until then it does not count for eligibility",
  })
  institutionConfirmed!: boolean;

  @Field({
    description:
      "Public: whether a lead of the member's institution or an admin confirmed the career stage (as institutionConfirmed)",
  })
  careerStageConfirmed!: boolean;

  @Field(() => RegistrationConfirmationObject, {
    nullable: true,
    description:
      'Private: the member, leads of their institution and admins. The confirmation of what they named at registration (null for members from before confirmations)',
  })
  registrationConfirmation?: RegistrationConfirmationObject | null;

  @Field(() => [InstitutionChangeObject], {
    nullable: true,
    description:
      'Private: the member, leads of their institution and admins. Requests to change institution, newest first',
  })
  institutionChanges?: InstitutionChangeObject[] | null;

  @Field(() => [CareerStageChangeObject], {
    nullable: true,
    description:
      'Private: the member, leads of their institution and admins. Requests to change career stage, newest first',
  })
  careerStageChanges?: CareerStageChangeObject[] | null;
}

export const MemberConnection = ConnectionType(MemberObject, 'Member');

export const InstitutionChangeStatusEnum = enumOf(PROFILE_CHANGE_STATUSES);
registerEnumType(InstitutionChangeStatusEnum, {
  name: 'InstitutionChangeStatus',
  description:
    'PENDING until a lead of the new institution or an admin decides; WITHDRAWN when the member asked again',
});

/** What every request to change a confirmed profile field shows. */
@ObjectType({ isAbstract: true })
abstract class ProfileChangeFields {
  @Field(() => ID)
  id!: string;

  memberId!: string;

  @Field()
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the request was rejected' })
  reason!: string | null;
}

@ObjectType('InstitutionChange', {
  description: "A member's request to move to another institution; it counts only once CONFIRMED",
})
export class InstitutionChangeObject extends ProfileChangeFields {
  fromInstitutionId!: string;
  toInstitutionId!: string;

  @Field(() => InstitutionChangeStatusEnum)
  status!: ProfileChangeStatus;
}

export const InstitutionChangeConnection = ConnectionType(InstitutionChangeObject, 'InstitutionChange');

export const CareerStageChangeStatusEnum = enumOf(PROFILE_CHANGE_STATUSES);
registerEnumType(CareerStageChangeStatusEnum, {
  name: 'CareerStageChangeStatus',
  description:
    "PENDING until a lead of the member's institution or an admin decides; WITHDRAWN when the member asked again",
});

@ObjectType('CareerStageChange', {
  description: "A member's request to change career stage; it counts only once CONFIRMED",
})
export class CareerStageChangeObject extends ProfileChangeFields {
  @Field(() => CareerStageEnum)
  fromStage!: CareerStage;

  @Field(() => CareerStageEnum)
  toStage!: CareerStage;

  @Field(() => CareerStageChangeStatusEnum)
  status!: ProfileChangeStatus;
}

export const CareerStageChangeConnection = ConnectionType(CareerStageChangeObject, 'CareerStageChange');

export const REGISTRATION_CONFIRMATION_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED'] as const;
export const RegistrationConfirmationStatusEnum = enumOf(REGISTRATION_CONFIRMATION_STATUSES);
registerEnumType(RegistrationConfirmationStatusEnum, {
  name: 'RegistrationConfirmationStatus',
  description:
    "PENDING until a lead of the member's institution or an admin decides; REJECTED leaves the member unconfirmed",
});

@ObjectType('RegistrationConfirmation', {
  description:
    "A new member's institution and career stage as named at registration; they count for eligibility once CONFIRMED",
})
export class RegistrationConfirmationObject extends ProfileChangeFields {
  institutionId!: string;

  @Field(() => CareerStageEnum, { description: 'The career stage named at registration' })
  careerStage!: CareerStage;

  @Field(() => RegistrationConfirmationStatusEnum)
  status!: ProfileChangeStatus;
}

export const RegistrationConfirmationConnection = ConnectionType(
  RegistrationConfirmationObject,
  'RegistrationConfirmation',
);

@ObjectType('AuthPayload')
export class AuthPayloadObject {
  @Field({
    description: 'The access token: send it as `Authorization: Bearer <token>`; keep it in memory only',
  })
  token!: string;

  @Field({ description: 'When the access token expires; refresh before then with refreshSession' })
  tokenExpiresAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'The refresh token, only when asked for with refreshTokenInBody (clients without cookies); browsers get it as an httpOnly cookie',
  })
  refreshToken!: string | null;

  @Field()
  refreshTokenExpiresAt!: Date;

  @Field(() => MemberObject)
  member!: MemberObject;
}

@ObjectType('Demographics', {
  description: 'Private: voluntary answers, readable only by the member who gave them',
})
export class DemographicsObject {
  @Field(() => GenderEnum)
  gender!: Gender;

  @Field(() => EthnicityGroupEnum)
  ethnicityGroup!: EthnicityGroup;

  @Field(() => YesNoEnum)
  disability!: YesNoPreferNot;

  @Field(() => YesNoEnum)
  firstGenerationHigherEducation!: YesNoPreferNot;

  @Field()
  updatedAt!: Date;
}

const INTEREST_RULE = 'each interest is 1 to 80 characters';
const PASSWORD_POLICY =
  '12 to 128 characters with at least one letter and one digit, and hard to guess: a strength estimate refuses common passwords, patterns and your own details';

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(128)
  currentPassword!: string;

  @Field({ description: PASSWORD_POLICY })
  @IsString()
  newPassword!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token from the reset link' })
  @IsString()
  @Length(20, 100, { message: 'is not a reset token' })
  token!: string;

  @Field({ description: PASSWORD_POLICY })
  @IsString()
  newPassword!: string;
}

@InputType()
export class RegisterInput {
  @Field()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field({ description: PASSWORD_POLICY })
  @IsString()
  password!: string;

  @Field()
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  @IsPlainText()
  @IsNotBlank()
  displayName!: string;

  @Field(() => CareerStageEnum)
  @IsIn(CAREER_STAGES, { message: `must be one of ${CAREER_STAGES.join(', ')}` })
  careerStage!: CareerStage;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be the id of an institution' })
  institutionId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @IsPlainText()
  specialty?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 80, { each: true, message: INTEREST_RULE })
  @IsPlainText({ each: true })
  interests!: string[];
}

@InputType()
export class UpdateProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  @IsPlainText()
  @IsNotBlank()
  displayName?: string;

  @Field(() => CareerStageEnum, {
    nullable: true,
    description:
      'Asks for this career stage: it counts once a lead of your institution or an admin confirms (careerStageChanges); your current one withdraws a pending request',
  })
  @IsOptional()
  @IsIn(CAREER_STAGES, { message: `must be one of ${CAREER_STAGES.join(', ')}` })
  careerStage?: CareerStage;

  @Field(() => ID, {
    nullable: true,
    description:
      'Asks to move to this institution: it counts once a lead of it or an admin confirms (institutionChanges); your current one withdraws a pending request',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of an institution' })
  institutionId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @IsPlainText()
  specialty?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 80, { each: true, message: INTEREST_RULE })
  @IsPlainText({ each: true })
  interests?: string[];
}

@InputType()
export class CreateInstitutionInput {
  @Field()
  @IsString()
  @Length(2, 200, { message: 'must be 2 to 200 characters' })
  @IsPlainText()
  @IsNotBlank()
  name!: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. GB' })
  @Matches(/^[A-Z]{2}$/, { message: 'must be a two-letter ISO country code in capitals, e.g. GB' })
  country!: string;
}

@InputType()
export class MembersFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  institutionId?: string;

  @Field(() => CareerStageEnum, { nullable: true })
  @IsOptional()
  @IsIn(CAREER_STAGES)
  careerStage?: CareerStage;

  @Field(() => RoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  interest?: string;

  @Field({
    nullable: true,
    description: 'Part of the display name, any case (2 to 80 characters): to find people to invite',
  })
  @IsOptional()
  @IsString()
  @Length(2, 80)
  nameContains?: string;
}

@InputType()
export class DemographicsInput {
  @Field(() => GenderEnum)
  @IsEnum(GenderEnum, { message: `must be one of ${GENDERS.join(', ')}` })
  gender!: Gender;

  @Field(() => EthnicityGroupEnum)
  @IsEnum(EthnicityGroupEnum, { message: `must be one of ${ETHNICITY_GROUPS.join(', ')}` })
  ethnicityGroup!: EthnicityGroup;

  @Field(() => YesNoEnum)
  @IsEnum(YesNoEnum)
  disability!: YesNoPreferNot;

  @Field(() => YesNoEnum)
  @IsEnum(YesNoEnum)
  firstGenerationHigherEducation!: YesNoPreferNot;
}
