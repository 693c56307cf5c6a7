// "Today" follows one rule for every date check: the context key when set, else the model
// catalogue's research date; never the wall clock.
import { TerraformStack, Testing } from 'cdktf';
import { CATALOGUE_RESEARCHED_ON } from '../../src/ai/private/catalogue-data';
import { RESEARCH_DATE, synthToday, TODAY_CONTEXT_KEY, todayText } from '../../src/core/private/dates';

const stackOn = (today?: unknown) =>
  new TerraformStack(Testing.app(today === undefined ? {} : { context: { [TODAY_CONTEXT_KEY]: today } }), 'test');

describe('synthToday', () => {
  test('the default date is the model catalogue\'s research date (one date for every check)', () => {
    expect(RESEARCH_DATE).toBe(CATALOGUE_RESEARCHED_ON);
  });

  test('without the context key, today is the research date, and the text says which date was used', () => {
    const today = synthToday(stackOn());
    expect(today).toEqual({ day: RESEARCH_DATE, ms: Date.parse(`${RESEARCH_DATE}T00:00:00Z`), fromContext: false });
    expect(todayText(today)).toBe(`today is taken as ${RESEARCH_DATE}, the date the model catalogue was researched; set context 'cdktf-private-chat:today' to check another date`);
  });

  test('the context key wins, as a date or as a timestamp whose UTC day counts', () => {
    expect(synthToday(stackOn('2027-03-01'))).toEqual({ day: '2027-03-01', ms: Date.parse('2027-03-01T00:00:00Z'), fromContext: true });
    expect(synthToday(stackOn('2027-03-01T23:30:00+02:00')).day).toBe('2027-03-01');
    expect(todayText(synthToday(stackOn('2027-03-01')))).toBe("today is 2027-03-01, from context 'cdktf-private-chat:today'");
  });

  test('fails when the context key is not a date', () => {
    expect(() => synthToday(stackOn('2027-02-30'))).toThrow(
      /^TerraformStack 'test': 'cdktf-private-chat:today' must be today's date as an ISO date such as '2026-11-22' \(a context key: set it in cdktf.json or by the pipeline\), got '2027-02-30'$/);
  });
});
