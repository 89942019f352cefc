import { describe, expect, it } from 'vitest';
import { maxLengths, reportJourney, stepById, stepByPath, stepIds, tellUsMoreStep } from '../../src/public/report/journey.ts';
import {
  answersOnPath,
  checkAnswersSummary,
  isComplete,
  nextStep,
  stepsOnPath,
  validateStep,
  type ReportAnswers,
} from '../../src/public/report/validation.ts';
import { generateReference } from '../../src/public/report/reference.ts';

const anonymousReport: ReportAnswers = {
  danger: 'no',
  signs: ['many-people', 'escorted'],
  description: 'Eight or nine people leave the house at 6am in a white van.',
  address: '',
  town: 'Leeds',
  postcode: '',
  placeDescription: '',
  when: 'Every weekday morning for a month',
  people: '',
  vehicles: 'White van',
  howYouKnow: 'saw-myself',
  howYouKnowDetail: '',
  contactPreference: 'anonymous',
};

const contactDetails = { contactName: '', contactPhone: '07700 900 982', contactEmail: '', safeTimes: '' };

describe('the journey', () => {
  it('has unique ids and paths, and every step is reachable by id and path', () => {
    const steps = stepIds.map(stepById);
    expect(new Set(steps.map((step) => step.path)).size).toBe(steps.length);
    for (const step of steps) expect(stepByPath(step.path)).toBe(step);
    expect(stepByPath('no-such-page')).toBeUndefined();
  });

  it('gives every free-text field a maximum length', () => {
    for (const step of [...stepIds.map(stepById), tellUsMoreStep]) {
      for (const field of step.fields) {
        if (field.type === 'text' || field.type === 'textarea') {
          expect(field.maxLength, `${step.id}.${field.name}`).toBeGreaterThan(0);
          expect(field.errors.tooLong, `${step.id}.${field.name}`).toBeDefined();
        }
        if (field.required) expect(field.errors.required, `${step.id}.${field.name}`).toBeDefined();
      }
    }
  });

  it('starts by asking about immediate danger', () => {
    expect(reportJourney.firstStep).toBe('danger');
    expect(nextStep({})).toBe('danger');
  });

  it('sends anyone in danger, or unsure, to the call-999 page before anything else', () => {
    expect(nextStep({ danger: 'yes' }, 'danger')).toBe('callNow');
    expect(nextStep({ danger: 'not-sure' }, 'danger')).toBe('callNow');
    expect(nextStep({ danger: 'yes' }, 'callNow')).toBe('whatYouSaw');
    expect(nextStep({ danger: 'no' }, 'danger')).toBe('whatYouSaw');
    expect(stepsOnPath({ danger: 'yes' }).slice(0, 3)).toEqual(['danger', 'callNow', 'whatYouSaw']);
    expect(stepsOnPath({ danger: 'no' })).not.toContain('callNow');
  });

  it('skips contact details for anonymous reporters', () => {
    expect(nextStep(anonymousReport, 'contactPreference')).toBe('checkAnswers');
    expect(stepsOnPath(anonymousReport)).not.toContain('contactDetails');
    expect(isComplete(anonymousReport)).toBe(true);
    expect(nextStep(anonymousReport)).toBe('checkAnswers');
  });

  it('asks for contact details when the reporter agrees to be contacted', () => {
    for (const choice of ['share', 'confidential']) {
      const answers = { ...anonymousReport, contactPreference: choice };
      expect(nextStep(answers, 'contactPreference')).toBe('contactDetails');
      expect(isComplete(answers)).toBe(false);
      expect(nextStep(answers)).toBe('contactDetails');
      expect(isComplete({ ...answers, ...contactDetails })).toBe(true);
    }
  });

  it('drops contact details typed before the reporter chose to stay anonymous', () => {
    const changedTheirMind = { ...anonymousReport, ...contactDetails };
    const stored = answersOnPath(changedTheirMind);
    expect(stored).not.toHaveProperty('contactPhone');
    expect(stored).not.toHaveProperty('contactName');
    expect(stored.description).toBe(anonymousReport.description);
  });

  it('resumes at the first unanswered step', () => {
    expect(nextStep({ danger: 'no', signs: ['adverts'] })).toBe('whatHappened');
    const { when: _when, ...withoutWhen } = anonymousReport;
    expect(nextStep(withoutWhen)).toBe('when');
    expect(isComplete(withoutWhen)).toBe(false);
    // An optional-only page counts as answered once it has been posted, even if left empty.
    const { people: _people, vehicles: _vehicles, ...withoutWho } = anonymousReport;
    expect(nextStep(withoutWho)).toBe('who');
  });

  it('is incomplete while a stored answer is invalid', () => {
    expect(isComplete({ ...anonymousReport, description: 'x'.repeat(maxLengths.longText + 1) })).toBe(false);
    expect(isComplete({ ...anonymousReport, town: '', address: ' ' })).toBe(false);
  });
});

describe('validating a step', () => {
  it('requires an answer, with GOV.UK-style messages', () => {
    const result = validateStep('danger', {}, 'en');
    expect(result.errors).toEqual([
      { field: 'danger', messageKey: 'field.danger.error.required', message: 'Select yes if anyone is in immediate danger right now' },
    ]);
    expect(validateStep('whatHappened', { description: '   \n ' }, 'en').errors[0]?.message).toBe('Enter what happened');
    expect(validateStep('whatYouSaw', {}, 'en').errors[0]?.messageKey).toBe('field.signs.error.required');
  });

  it('refuses options that are not offered', () => {
    expect(validateStep('danger', { danger: 'maybe' }, 'en').errors).toHaveLength(1);
    expect(validateStep('whatYouSaw', { signs: ['adverts', 'forged'] }, 'en').errors).toHaveLength(1);
    expect(validateStep('whatYouSaw', { signs: 'adverts' }, 'en')).toEqual({ values: { signs: ['adverts'] }, errors: [] });
  });

  it('enforces maximum lengths in characters, with the limit in the message', () => {
    const atLimit = 'é'.repeat(maxLengths.longText);
    expect(validateStep('whatHappened', { description: atLimit }, 'en').errors).toEqual([]);
    const over = validateStep('whatHappened', { description: `${atLimit}x` }, 'en');
    expect(over.errors).toEqual([
      { field: 'description', messageKey: 'field.description.error.tooLong', message: 'What happened must be 5000 characters or fewer' },
    ]);
    // An emoji is one character to the reporter, though two UTF-16 units.
    expect(validateStep('where', { town: '😀'.repeat(maxLengths.town) }, 'en').errors).toEqual([]);
    expect(validateStep('where', { town: '😀'.repeat(maxLengths.town + 1) }, 'en').errors[0]?.field).toBe('town');
    expect(validateStep('where', { postcode: 'X'.repeat(maxLengths.postcode + 1) }, 'en').errors[0]?.messageKey).toBe(
      'field.postcode.error.tooLong',
    );
  });

  it('keeps exactly what was typed, Unicode and spaces included', () => {
    const typed = '  Trzy kobiety, 家里有很多人 — <b>"nie wychodzą"</b> & 😟\n\tالعنوان  ';
    const result = validateStep('whatHappened', { description: typed, _csrf: 'token', extra: 'dropped' }, 'en');
    expect(result.errors).toEqual([]);
    expect(result.values).toEqual({ description: typed });
    const decomposed = 'Zo\u0308e';
    expect(validateStep('where', { town: decomposed }, 'en').values.town).toBe(decomposed);
  });

  it('needs some way to find the place', () => {
    const result = validateStep('where', { address: '', town: ' ', postcode: '', placeDescription: '' }, 'en');
    expect(result.errors.map((error) => [error.field, error.messageKey])).toEqual([['address', 'field.address.error.required']]);
    expect(validateStep('where', { placeDescription: 'The car wash by the roundabout' }, 'en').errors).toEqual([]);
  });

  it('needs a phone or an email from someone who wants to be contacted, in a usable format', () => {
    expect(validateStep('contactDetails', { contactName: 'Sam' }, 'en').errors[0]?.messageKey).toBe('field.contactPhone.error.required');
    expect(validateStep('contactDetails', { contactPhone: '+44 7700 900 982' }, 'en').errors).toEqual([]);
    expect(validateStep('contactDetails', { contactEmail: 'sam@example.com' }, 'en').errors).toEqual([]);
    expect(validateStep('contactDetails', { contactPhone: 'call me' }, 'en').errors[0]?.messageKey).toBe('field.contactPhone.error.format');
    expect(validateStep('contactDetails', { contactEmail: 'sam@' }, 'en').errors[0]?.messageKey).toBe('field.contactEmail.error.format');
  });

  it('writes messages in the page language', () => {
    const result = validateStep('whatHappened', { description: '' }, 'pl');
    expect(result.errors[0]?.messageKey).toBe('field.description.error.required');
    expect(result.errors[0]?.message).not.toBe('Enter what happened');
    expect(result.errors[0]?.message).not.toBe('');
  });

  it('checks the tell-us-more page: a well-formed reference, a secret and the new information', () => {
    const reference = generateReference();
    expect(validateStep('tellUsMore', { reference, secret: 'ABCD-EFGH', moreInformation: 'They moved.' }, 'en').errors).toEqual([]);
    const wrong = validateStep('tellUsMore', { reference: 'LL-0000-0000', secret: '', moreInformation: '' }, 'en');
    expect(wrong.errors.map((error) => error.messageKey)).toEqual([
      'field.reference.error.format',
      'field.secret.error.required',
      'field.moreInformation.error.required',
    ]);
    expect(validateStep('tellUsMore', { reference: reference.toLowerCase(), secret: 'x', moreInformation: 'y' }, 'en').values.reference).toBe(
      reference.toLowerCase(),
    );
  });
});

describe('check your answers', () => {
  it('lists the answers on the path with labels, values and change links', () => {
    const rows = checkAnswersSummary({ ...anonymousReport, danger: 'yes' }, 'en');
    expect(rows[0]).toEqual({
      field: 'danger',
      label: 'Anyone in immediate danger',
      value: ['Yes'],
      changeStep: 'danger',
      changePath: 'immediate-danger',
    });
    const signs = rows.find((row) => row.field === 'signs');
    expect(signs?.value).toEqual(['Many people living at one address', 'People taken to and from work, often in a group']);
    expect(rows.find((row) => row.field === 'town')?.value).toEqual(['Leeds']);
    expect(rows.find((row) => row.field === 'address')?.value).toEqual(['Not given']);
    expect(rows.find((row) => row.field === 'contactPreference')?.changePath).toBe('contact-preference');
    expect(rows.some((row) => row.field === 'contactPhone')).toBe(false);
  });

  it('shows typed text as typed and contact details only when on the path', () => {
    const answers = { ...anonymousReport, contactPreference: 'confidential', ...contactDetails, description: '<script>x</script>' };
    const rows = checkAnswersSummary(answers, 'en');
    expect(rows.find((row) => row.field === 'description')?.value).toEqual(['<script>x</script>']);
    expect(rows.find((row) => row.field === 'contactPhone')?.value).toEqual(['07700 900 982']);
    expect(rows.find((row) => row.field === 'contactPhone')?.changeStep).toBe('contactDetails');
  });
});
