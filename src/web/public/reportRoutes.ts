// The report journey as pages: one question per page, each a GET that shows it and a POST that
// checks it, keeps it in the draft and moves on (post/redirect/get), so every page works without
// JavaScript. The language is in every link (`?lang=`), so the switcher keeps the answers: they
// are in the draft, not in the page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC } from '../../access/policies/routes.ts';
import type { Config } from '../../config.ts';
import { languageOf, languages, type LanguageCode } from '../../public/i18n/languages.ts';
import { negotiateLanguage } from '../../public/i18n/negotiate.ts';
import { translator, type Translate } from '../../public/i18n/translate.ts';
import { reportJourney, stepById, tellUsMoreStep, type StepId } from '../../public/report/journey.ts';
import {
  checkAnswersSummary, isComplete, nextStep, stepsOnPath, validateStep, type FieldError, type ReportAnswers,
} from '../../public/report/validation.ts';
import type { Services } from '../../services/index.ts';
import { DRAFT_IDLE_MINUTES, type PublicDraft } from '../../services/publicReporting.ts';
import { formBody, textField } from '../forms.ts';
import { escapeHtml } from '../views.ts';
import { errorList, stepView } from './stepView.ts';

export const REPORT_COOKIE = 'lifeline_report';
const BASE = '/report';
const ROUTE = { config: { access: PUBLIC } };

/** The question pages, in journey order. */
const QUESTION_STEPS: readonly StepId[] = (Object.keys(reportJourney.steps) as StepId[]).filter((id) => stepById(id).kind === 'question');

function queryLanguage(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = query?.['lang'];
  return typeof lang === 'string' ? lang : undefined;
}

function isChange(request: FastifyRequest, body?: Record<string, unknown>): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  return query?.['change'] === '1' || body?.['change'] === '1';
}

export function stepHref(id: StepId | 'tellUsMore' | 'start', lang: LanguageCode, change = false): string {
  const path = id === 'start' ? '' : `/${stepById(id).path}`;
  return `${BASE}${path}?lang=${encodeURIComponent(lang)}${change ? '&change=1' : ''}`;
}

/** What a message says either side of one value, so the value can be drawn on its own (in bold, left to right). */
function around(t: Translate, key: string, name: string): { before: string; after: string } {
  const marker = '\u0000';
  const [before = '', after = ''] = t(key, { [name]: marker }).split(marker);
  return { before, after };
}

export function registerReportRoutes(app: FastifyInstance, services: Services, config: Config): void {
  const reporting = services.publicReporting;

  const tokenOf = (request: FastifyRequest): string | undefined => request.cookies[REPORT_COOKIE];

  const setToken = (reply: FastifyReply, token: string): void => {
    void reply.setCookie(REPORT_COOKIE, token, { path: BASE, httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: DRAFT_IDLE_MINUTES * 60 });
  };

  const languageFor = (request: FastifyRequest, draft: PublicDraft | null): LanguageCode =>
    negotiateLanguage({ query: queryLanguage(request), saved: draft?.language, acceptLanguage: request.headers['accept-language'] });

  const render = (request: FastifyRequest, reply: FastifyReply, template: string, lang: LanguageCode, values: Record<string, unknown>, status = 200) => {
    const path = request.url.split('?')[0] ?? BASE;
    const change = isChange(request);
    return reply.code(status).page(template, {
      t: translator(lang),
      language: languageOf(lang),
      languageItems: languages.map((language) => ({
        text: language.nativeName, lang: language.code, current: language.code === lang,
        href: `${path}?lang=${encodeURIComponent(language.code)}${change ? '&change=1' : ''}`,
        ...(language.direction === 'rtl' ? { dir: 'rtl' } : {}),
      })),
      ...values,
    });
  };

  /** The page before this one on the reporter's path: the start page before the first question. */
  const backHref = (answers: ReportAnswers, id: StepId, lang: LanguageCode): string => {
    const path = stepsOnPath(answers);
    const previous = path[path.indexOf(id) - 1];
    return previous === undefined ? stepHref('start', lang) : stepHref(previous, lang);
  };

  const honeypotFilled = (body: Record<string, unknown>): boolean => textField(formBody(body), 'website') !== '';

  app.get('/', ROUTE, async (request, reply) => {
    const lang = languageFor(request, await reporting.draft(tokenOf(request)));
    return render(request, reply, 'public/start.njk', lang, { startHref: stepHref(reportJourney.firstStep, lang), tellUsMoreHref: stepHref('tellUsMore', lang) });
  });

  for (const id of QUESTION_STEPS) {
    const step = stepById(id);
    const showQuestion = (request: FastifyRequest, reply: FastifyReply, lang: LanguageCode, answers: ReportAnswers, errors: readonly FieldError[], change: boolean) =>
      render(request, reply, 'public/question.njk', lang, {
        step: stepView(step, translator(lang), answers, errors), errorList: errorList(errors), change,
        action: `${BASE}/${step.path}?lang=${encodeURIComponent(lang)}`, backHref: change ? stepHref('checkAnswers', lang) : backHref(answers, id, lang),
      }, errors.length > 0 ? 400 : 200);

    app.get(`/${step.path}`, ROUTE, async (request, reply) => {
      const draft = await reporting.draft(tokenOf(request));
      const lang = languageFor(request, draft);
      const answers = draft?.answers ?? {};
      // A page the reporter's answers skip (contact details after choosing anonymity) is not shown.
      if (!stepsOnPath(answers).includes(id)) return reply.redirect(stepHref(nextStep(answers), lang), 303);
      return showQuestion(request, reply, lang, answers, [], isChange(request));
    });

    app.post(`/${step.path}`, ROUTE, async (request, reply) => {
      const body = formBody(request.body);
      const draft = await reporting.draft(tokenOf(request));
      const lang = languageFor(request, draft);
      const change = isChange(request, body);
      // A machine filled in the field nobody sees: nothing it sent is kept.
      if (honeypotFilled(body)) return reply.redirect(stepHref(id, lang), 303);
      const { values, errors } = validateStep(id, body, lang);
      if (errors.length > 0) return showQuestion(request, reply, lang, { ...(draft?.answers ?? {}), ...values }, errors, change);
      const token = await reporting.saveAnswers(draft?.alreadySent === true ? undefined : draft?.token, values, lang);
      setToken(reply, token);
      const answers = { ...(draft?.alreadySent === true ? {} : (draft?.answers ?? {})), ...values };
      const next = nextStep(answers, id);
      // After a change, back to the check page, unless the change opens a page still to answer
      // or the call-999 page, which must be seen.
      const target = change && isComplete(answers) && next !== 'callNow' ? 'checkAnswers' : next;
      return reply.redirect(stepHref(target, lang), 303);
    });
  }

  app.get(`/${stepById('callNow').path}`, ROUTE, async (request, reply) => {
    const draft = await reporting.draft(tokenOf(request));
    const lang = languageFor(request, draft);
    const t = translator(lang);
    const step = stepById('callNow');
    return render(request, reply, 'public/content.njk', lang, {
      title: t(step.titleKey), paragraphs: (step.bodyKeys ?? []).map((key) => t(key)), emphasiseFirst: true,
      continueHref: stepHref(step.next ?? 'whatYouSaw', lang), backHref: stepHref('danger', lang),
    });
  });

  app.get(`/${stepById('checkAnswers').path}`, ROUTE, async (request, reply) => {
    const draft = await reporting.draft(tokenOf(request));
    const lang = languageFor(request, draft);
    const answers = draft?.answers ?? {};
    if (draft === null || draft.alreadySent || !isComplete(answers)) return reply.redirect(stepHref(draft === null ? 'start' : nextStep(answers), lang), 303);
    const t = translator(lang);
    const rows = checkAnswersSummary(answers, lang).map((row) => ({
      key: { text: row.label },
      value: { html: row.value.map(escapeHtml).join('<br>') },
      actions: { items: [{ href: stepHref(row.changeStep, lang, true), text: t('common.change'), visuallyHiddenText: row.label }] },
    }));
    return render(request, reply, 'public/check-answers.njk', lang, {
      rows, action: stepHref('checkAnswers', lang), backHref: backHref(answers, 'checkAnswers', lang),
    });
  });

  app.post(`/${stepById('checkAnswers').path}`, ROUTE, async (request, reply) => {
    const body = formBody(request.body);
    const token = tokenOf(request);
    const draft = await reporting.draft(token);
    const lang = languageFor(request, draft);
    if (honeypotFilled(body)) return reply.redirect(stepHref('start', lang), 303);
    const result = await reporting.submit(token, lang, request.id);
    switch (result.kind) {
      case 'sent':
        return reply.redirect(stepHref('confirmation', lang), 303);
      case 'incomplete':
        return reply.redirect(stepHref(nextStep(draft?.answers ?? {}), lang), 303);
      case 'no-draft':
        return reply.redirect(stepHref('start', lang), 303);
    }
  });

  app.get(`/${stepById('confirmation').path}`, ROUTE, async (request, reply) => {
    const token = tokenOf(request);
    const draft = await reporting.draft(token);
    const lang = languageFor(request, draft);
    const sent = await reporting.takeConfirmation(token);
    // Shown once: after this the draft and its cookie are gone, and a reload goes to the start.
    void reply.clearCookie(REPORT_COOKIE, { path: BASE });
    if (sent === null) return reply.redirect(stepHref('start', lang), 303);
    const t = translator(lang);
    reply.header('cache-control', 'no-store');
    return render(request, reply, 'public/confirmation.njk', lang, {
      reference: sent.reference, secret: sent.secret, secretIntro: around(t, 'step.confirmation.secretIs', 'secret').before.trim(),
      tellUsMoreHref: stepHref('tellUsMore', lang),
    });
  });

  const showTellUsMore = (request: FastifyRequest, reply: FastifyReply, lang: LanguageCode, answers: ReportAnswers, errors: readonly FieldError[]) =>
    render(request, reply, 'public/tell-us-more.njk', lang, {
      step: stepView(tellUsMoreStep, translator(lang), answers, errors), errorList: errorList(errors),
      action: stepHref('tellUsMore', lang), backHref: stepHref('start', lang),
    }, errors.length > 0 ? 400 : 200);

  app.get(`/${tellUsMoreStep.path}`, ROUTE, async (request, reply) =>
    showTellUsMore(request, reply, languageFor(request, null), {}, []));

  app.post(`/${tellUsMoreStep.path}`, ROUTE, async (request, reply) => {
    const body = formBody(request.body);
    const lang = languageFor(request, null);
    if (honeypotFilled(body)) return reply.redirect(stepHref('tellUsMore', lang), 303);
    const { values, errors } = validateStep('tellUsMore', body, lang);
    // The secret is never drawn back into the page, right or wrong.
    const kept = { ...values, secret: '' };
    if (errors.length > 0) return showTellUsMore(request, reply, lang, kept, errors);
    const matched = await services.publicReporting.addInformation(
      { reference: String(values['reference']), secret: String(values['secret']), information: String(values['moreInformation']) }, lang, request.id,
    );
    if (!matched) {
      return showTellUsMore(request, reply, lang, kept, [{ field: 'secret', messageKey: 'field.secret.error.mismatch', message: translator(lang)('field.secret.error.mismatch') }]);
    }
    return reply.redirect(`${BASE}/${tellUsMoreStep.path}/sent?lang=${encodeURIComponent(lang)}`, 303);
  });

  app.get(`/${tellUsMoreStep.path}/sent`, ROUTE, async (request, reply) => {
    const lang = languageFor(request, null);
    const t = translator(lang);
    return render(request, reply, 'public/content.njk', lang, { title: t('step.tellUsMoreSent.title'), paragraphs: [t('step.tellUsMoreSent.body')] });
  });
}
