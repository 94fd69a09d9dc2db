/** The voluntary equality questions and why they are asked. */
export const demographicsMessages = {
  nav: 'Equality questions',
  title: 'Voluntary equality questions',
  why: 'Praxis asks these questions to find out whether research opportunities, mentoring and funding reach everyone fairly, and to act where they do not.',
  voluntary:
    'Answering is voluntary and changes nothing about what you can do here. Every question has "Prefer not to say".',
  aggregate:
    'Only you can read your answers back. Nobody else, not administrators nor your institution, sees them: they are only ever reported as totals over many people, and small groups are never shown.',
  erase: 'You can erase your answers at any time.',
  gender: 'Gender',
  ethnicityGroup: 'Ethnic group',
  ethnicityHint: 'The top-level groups of the 2021 census of England and Wales.',
  disability: 'Do you consider yourself to have a disability or long-term condition?',
  firstGeneration: 'Are you the first in your family to go to university?',
  save: 'Save my answers',
  saved: 'Your answers are saved.',
  eraseButton: 'Erase my answers',
  erased: 'Your answers are erased.',
  nothingToErase: 'There were no answers to erase.',
  lastSaved: (when: string) => `Last saved ${when}.`,
  genders: {
    WOMAN: 'Woman',
    MAN: 'Man',
    NON_BINARY: 'Non-binary',
    SELF_DESCRIBED: 'I describe myself another way',
    PREFER_NOT_TO_SAY: 'Prefer not to say',
  },
  ethnicities: {
    ASIAN_OR_ASIAN_BRITISH: 'Asian or Asian British',
    BLACK_BLACK_BRITISH_CARIBBEAN_OR_AFRICAN: 'Black, Black British, Caribbean or African',
    MIXED_OR_MULTIPLE: 'Mixed or multiple ethnic groups',
    WHITE: 'White',
    OTHER_ETHNIC_GROUP: 'Other ethnic group',
    PREFER_NOT_TO_SAY: 'Prefer not to say',
  },
  yesNo: { YES: 'Yes', NO: 'No', PREFER_NOT_TO_SAY: 'Prefer not to say' },
} as const;
