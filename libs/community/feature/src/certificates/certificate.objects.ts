import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@praxis/platform/graphql';

@ObjectType('CertificateSession')
export class CertificateSessionObject {
  @Field()
  theme!: string;

  @Field()
  startsAt!: Date;
}

@ObjectType('Certificate')
export class CertificateObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  programmeId!: string;

  @Field({ description: 'Such as 7K3Q-XW2M-9PDA-40RT-H' })
  verificationCode!: string;

  @Field({ description: 'The public page anyone can open to check the certificate' })
  verificationUrl!: string;

  @Field()
  memberName!: string;

  @Field()
  programmeTitle!: string;

  @Field(() => [CertificateSessionObject])
  sessionsAttended!: CertificateSessionObject[];

  @Field(() => Int)
  sessionsHeld!: number;

  @Field()
  issuedAt!: Date;
}

@ObjectType('CertificatePdf')
export class CertificatePdfObject {
  @Field()
  filename!: string;

  @Field()
  contentType!: string;

  @Field({ description: 'The PDF, base64' })
  base64!: string;
}

@ObjectType('CertificateEligibility')
export class CertificateEligibilityObject {
  @Field()
  eligible!: boolean;

  @Field(() => Int)
  attended!: number;

  @Field(() => Int, { description: 'Sessions held so far' })
  held!: number;

  @Field(() => Int, { description: 'Sessions needed' })
  required!: number;
}

@ObjectType('CertificateVerification', {
  description: 'What the public verification page shows: validity, the name and the programme, nothing else',
})
export class CertificateVerificationObject {
  @Field()
  valid!: boolean;

  @Field(() => String, { nullable: true })
  memberName!: string | null;

  @Field(() => String, { nullable: true })
  programmeTitle!: string | null;
}

export const CertificateConnection = ConnectionType(CertificateObject, 'Certificate');
