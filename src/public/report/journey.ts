// The public report as a declarative journey: one question per page, in the GOV.UK pattern,
// usable without JavaScript. Routes render and post these steps; validation.ts walks them. Text
// lives in the message files, so the steps hold message keys only.
//
// The danger question comes first, not fifth: someone watching a person being hurt must be told
// to call 999 before they spend ten minutes typing. Every page also shows the emergency numbers.

export type FieldType = 'text' | 'textarea' | 'radios' | 'checkboxes';

/** Formats checked beyond length; what was typed is stored as typed either way. */
export type FieldFormat = 'phone' | 'email' | 'reference';

export interface FieldOption {
  readonly value: string;
  readonly labelKey: string;
  readonly hintKey?: string;
}

export interface FieldErrorKeys {
  readonly required?: string;
  readonly tooLong?: string;
  readonly format?: string;
}

export interface Field {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** In characters (Unicode code points). Every free-text field has one. */
  readonly maxLength?: number;
  readonly format?: FieldFormat;
  readonly options?: readonly FieldOption[];
  /** Absent when the step's title is the field's question (one question per page). */
  readonly labelKey?: string;
  readonly hintKey?: string;
  /** The row label on the check-your-answers page. */
  readonly summaryKey: string;
  readonly errors: FieldErrorKeys;
}

/** Go to `to` when the answer to `field` is one of `oneOf`; the first matching fork wins. */
export interface Fork {
  readonly field: string;
  readonly oneOf: readonly string[];
  readonly to: StepId;
}

/** At least one of these fields must be filled in; the error is shown against `reportOn`. */
export interface AtLeastOneOf {
  readonly fields: readonly string[];
  readonly reportOn: string;
  readonly messageKey: string;
}

export type StepKind = 'question' | 'content' | 'check-answers' | 'confirmation';

export interface Step {
  readonly id: PageId;
  /** The URL path segment under the report's base path. */
  readonly path: string;
  readonly kind: StepKind;
  readonly titleKey: string;
  readonly hintKey?: string;
  readonly bodyKeys?: readonly string[];
  readonly fields: readonly Field[];
  readonly atLeastOneOf?: AtLeastOneOf;
  readonly forks?: readonly Fork[];
  readonly next?: StepId;
}

export const stepIds = [
  'danger', 'callNow', 'whatYouSaw', 'whatHappened', 'where', 'when', 'who', 'howYouKnow',
  'contactPreference', 'contactDetails', 'checkAnswers', 'confirmation',
] as const;

export type StepId = (typeof stepIds)[number];

/** Every page that takes input: the journey's steps and the "tell us more" page. */
export type PageId = StepId | 'tellUsMore';

// Lengths: long enough for a full account on a phone, short enough to stop a paste of a whole
// book; names, phones, emails and postcodes follow GOV.UK's and RFC limits.
export const maxLengths = {
  longText: 5000,
  shortText: 500,
  address: 300,
  town: 100,
  postcode: 16,
  name: 100,
  phone: 40,
  email: 254,
  secret: 64,
} as const;

function textarea(name: string, required: boolean, maxLength: number, keys: Omit<Field, 'name' | 'type' | 'required' | 'maxLength'>): Field {
  return { name, type: 'textarea', required, maxLength, ...keys };
}

function text(name: string, required: boolean, maxLength: number, keys: Omit<Field, 'name' | 'type' | 'required' | 'maxLength'>): Field {
  return { name, type: 'text', required, maxLength, ...keys };
}

function options(field: string, values: readonly string[], withHints = false): FieldOption[] {
  return values.map((value) => ({
    value,
    labelKey: `field.${field}.option.${value}`,
    ...(withHints ? { hintKey: `field.${field}.option.${value}.hint` } : {}),
  }));
}

const steps: Readonly<Record<StepId, Step>> = {
  danger: {
    id: 'danger',
    path: 'immediate-danger',
    kind: 'question',
    titleKey: 'step.danger.title',
    fields: [
      {
        name: 'danger',
        type: 'radios',
        required: true,
        options: options('danger', ['yes', 'no', 'not-sure']),
        summaryKey: 'field.danger.summary',
        errors: { required: 'field.danger.error.required' },
      },
    ],
    // "Not sure" also gets the call-now page: telling someone to call 999 needlessly costs little.
    forks: [{ field: 'danger', oneOf: ['yes', 'not-sure'], to: 'callNow' }],
    next: 'whatYouSaw',
  },
  callNow: {
    id: 'callNow',
    path: 'call-999-now',
    kind: 'content',
    titleKey: 'step.callNow.title',
    bodyKeys: ['step.callNow.body', 'step.callNow.silentCall', 'step.callNow.afterwards'],
    fields: [],
    next: 'whatYouSaw',
  },
  whatYouSaw: {
    id: 'whatYouSaw',
    path: 'what-you-saw',
    kind: 'question',
    titleKey: 'step.whatYouSaw.title',
    fields: [
      {
        name: 'signs',
        type: 'checkboxes',
        required: true,
        options: options('signs', ['many-people', 'escorted', 'controlled', 'adverts', 'conditions', 'something-else']),
        hintKey: 'field.signs.hint',
        summaryKey: 'field.signs.summary',
        errors: { required: 'field.signs.error.required' },
      },
    ],
    next: 'whatHappened',
  },
  whatHappened: {
    id: 'whatHappened',
    path: 'what-happened',
    kind: 'question',
    titleKey: 'step.whatHappened.title',
    fields: [
      textarea('description', true, maxLengths.longText, {
        hintKey: 'field.description.hint',
        summaryKey: 'field.description.summary',
        errors: { required: 'field.description.error.required', tooLong: 'field.description.error.tooLong' },
      }),
    ],
    next: 'where',
  },
  where: {
    id: 'where',
    path: 'where',
    kind: 'question',
    titleKey: 'step.where.title',
    hintKey: 'step.where.hint',
    fields: [
      text('address', false, maxLengths.address, {
        labelKey: 'field.address.label',
        summaryKey: 'field.address.label',
        errors: { tooLong: 'field.address.error.tooLong' },
      }),
      text('town', false, maxLengths.town, {
        labelKey: 'field.town.label',
        summaryKey: 'field.town.label',
        errors: { tooLong: 'field.town.error.tooLong' },
      }),
      text('postcode', false, maxLengths.postcode, {
        labelKey: 'field.postcode.label',
        hintKey: 'field.postcode.hint',
        summaryKey: 'field.postcode.label',
        errors: { tooLong: 'field.postcode.error.tooLong' },
      }),
      textarea('placeDescription', false, maxLengths.shortText, {
        labelKey: 'field.placeDescription.label',
        hintKey: 'field.placeDescription.hint',
        summaryKey: 'field.placeDescription.label',
        errors: { tooLong: 'field.placeDescription.error.tooLong' },
      }),
    ],
    atLeastOneOf: {
      fields: ['address', 'town', 'postcode', 'placeDescription'],
      reportOn: 'address',
      messageKey: 'field.address.error.required',
    },
    next: 'when',
  },
  when: {
    id: 'when',
    path: 'when',
    kind: 'question',
    titleKey: 'step.when.title',
    fields: [
      text('when', true, maxLengths.shortText, {
        hintKey: 'field.when.hint',
        summaryKey: 'field.when.summary',
        errors: { required: 'field.when.error.required', tooLong: 'field.when.error.tooLong' },
      }),
    ],
    next: 'who',
  },
  who: {
    id: 'who',
    path: 'who',
    kind: 'question',
    titleKey: 'step.who.title',
    // Optional: a reporter may have seen only a building or an advert.
    fields: [
      textarea('people', false, maxLengths.longText, {
        labelKey: 'field.people.label',
        hintKey: 'field.people.hint',
        summaryKey: 'field.people.label',
        errors: { tooLong: 'field.people.error.tooLong' },
      }),
      textarea('vehicles', false, maxLengths.shortText, {
        labelKey: 'field.vehicles.label',
        hintKey: 'field.vehicles.hint',
        summaryKey: 'field.vehicles.label',
        errors: { tooLong: 'field.vehicles.error.tooLong' },
      }),
    ],
    next: 'howYouKnow',
  },
  howYouKnow: {
    id: 'howYouKnow',
    path: 'how-you-know',
    kind: 'question',
    titleKey: 'step.howYouKnow.title',
    fields: [
      {
        name: 'howYouKnow',
        type: 'radios',
        required: true,
        options: options('howYouKnow', ['saw-myself', 'told', 'work', 'online', 'other']),
        summaryKey: 'field.howYouKnow.summary',
        errors: { required: 'field.howYouKnow.error.required' },
      },
      textarea('howYouKnowDetail', false, maxLengths.shortText, {
        labelKey: 'field.howYouKnowDetail.label',
        summaryKey: 'field.howYouKnowDetail.label',
        errors: { tooLong: 'field.howYouKnowDetail.error.tooLong' },
      }),
    ],
    next: 'contactPreference',
  },
  contactPreference: {
    id: 'contactPreference',
    path: 'contact-preference',
    kind: 'question',
    titleKey: 'step.contactPreference.title',
    hintKey: 'step.contactPreference.hint',
    // The three choices the helplines offer.
    fields: [
      {
        name: 'contactPreference',
        type: 'radios',
        required: true,
        options: options('contactPreference', ['share', 'confidential', 'anonymous'], true),
        summaryKey: 'field.contactPreference.summary',
        errors: { required: 'field.contactPreference.error.required' },
      },
    ],
    // Anonymous means never being asked: contact details are skipped, and any typed before the
    // reporter changed their mind are left off the report (see answersOnPath).
    forks: [{ field: 'contactPreference', oneOf: ['anonymous'], to: 'checkAnswers' }],
    next: 'contactDetails',
  },
  contactDetails: {
    id: 'contactDetails',
    path: 'contact-details',
    kind: 'question',
    titleKey: 'step.contactDetails.title',
    hintKey: 'step.contactDetails.hint',
    fields: [
      text('contactName', false, maxLengths.name, {
        labelKey: 'field.contactName.label',
        summaryKey: 'field.contactName.label',
        errors: { tooLong: 'field.contactName.error.tooLong' },
      }),
      {
        ...text('contactPhone', false, maxLengths.phone, {
          labelKey: 'field.contactPhone.label',
          summaryKey: 'field.contactPhone.label',
          errors: { format: 'field.contactPhone.error.format', tooLong: 'field.contactPhone.error.tooLong' },
        }),
        format: 'phone',
      },
      {
        ...text('contactEmail', false, maxLengths.email, {
          labelKey: 'field.contactEmail.label',
          summaryKey: 'field.contactEmail.label',
          errors: { format: 'field.contactEmail.error.format', tooLong: 'field.contactEmail.error.tooLong' },
        }),
        format: 'email',
      },
      text('safeTimes', false, maxLengths.shortText, {
        labelKey: 'field.safeTimes.label',
        hintKey: 'field.safeTimes.hint',
        summaryKey: 'field.safeTimes.label',
        errors: { tooLong: 'field.safeTimes.error.tooLong' },
      }),
    ],
    atLeastOneOf: {
      fields: ['contactPhone', 'contactEmail'],
      reportOn: 'contactPhone',
      messageKey: 'field.contactPhone.error.required',
    },
    next: 'checkAnswers',
  },
  checkAnswers: {
    id: 'checkAnswers',
    path: 'check-your-answers',
    kind: 'check-answers',
    titleKey: 'step.checkAnswers.title',
    bodyKeys: ['step.checkAnswers.sendHeading', 'step.checkAnswers.sendBody'],
    fields: [],
    next: 'confirmation',
  },
  confirmation: {
    id: 'confirmation',
    path: 'report-sent',
    kind: 'confirmation',
    titleKey: 'step.confirmation.title',
    bodyKeys: [
      'step.confirmation.referenceIs',
      'step.confirmation.secretIs',
      'step.confirmation.keepSafe',
      'step.confirmation.whatNext',
      'step.confirmation.addMore',
    ],
    fields: [],
  },
};

export const reportJourney = {
  firstStep: 'danger' as StepId,
  steps,
} as const;

export function stepById(id: PageId): Step {
  return id === 'tellUsMore' ? tellUsMoreStep : steps[id];
}

export function stepByPath(path: string): Step | undefined {
  return Object.values(steps).find((step) => step.path === path);
}

/**
 * "Tell us more": a page apart from the journey. It asks for the reference and the secret and
 * shows nothing of the original report back, so that someone who finds the codes learns nothing.
 */
export const tellUsMoreStep: Step = {
  id: 'tellUsMore',
  path: 'tell-us-more',
  kind: 'question',
  titleKey: 'step.tellUsMore.title',
  hintKey: 'step.tellUsMore.hint',
  fields: [
    {
      ...text('reference', true, maxLengths.shortText, {
        labelKey: 'field.reference.label',
        hintKey: 'field.reference.hint',
        summaryKey: 'field.reference.label',
        errors: { required: 'field.reference.error.required', format: 'field.reference.error.format', tooLong: 'field.reference.error.format' },
      }),
      format: 'reference',
    },
    text('secret', true, maxLengths.secret, {
      labelKey: 'field.secret.label',
      summaryKey: 'field.secret.label',
      errors: { required: 'field.secret.error.required', tooLong: 'field.secret.error.tooLong' },
    }),
    textarea('moreInformation', true, maxLengths.longText, {
      labelKey: 'field.moreInformation.label',
      summaryKey: 'field.moreInformation.label',
      errors: { required: 'field.moreInformation.error.required', tooLong: 'field.moreInformation.error.tooLong' },
    }),
  ],
};

/** Message keys the routes use beside the steps' own, listed so tests can check they exist. */
export const pageMessageKeys = [
  'common.serviceName', 'common.exitThisPage', 'common.emergency', 'common.helpline',
  'common.crimestoppers', 'common.anonymityPromise', 'common.continue', 'common.back',
  'common.change', 'common.optional', 'common.errorSummaryTitle', 'common.chooseLanguage',
  'common.skipToContent', 'start.title', 'start.intro', 'start.time', 'start.button',
  'step.checkAnswers.send', 'summary.notGiven', 'field.secret.error.mismatch',
  'step.tellUsMore.send', 'step.tellUsMoreSent.title', 'step.tellUsMoreSent.body',
] as const;
