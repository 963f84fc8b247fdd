import { sv } from '../i18n/sv';
import { check, emptyDraft, toBody } from './draft';
import type { OpenApiDocument, Schema } from './schema';

/** The shape of the API's sign command, as /docs/openapi.json gives it ($ref, a documented allOf, a nullable). */
const document: OpenApiDocument = {
  paths: {},
  components: {
    schemas: {
      PersonDto: { type: 'object', properties: { name: { type: 'string' }, title: { type: 'string' } }, required: ['name', 'title'] },
      SignDto: {
        type: 'object',
        properties: {
          party: { type: 'string', enum: ['municipality', 'organisation'] },
          signatory: { allOf: [{ $ref: '#/components/schemas/PersonDto' }], description: 'Who signs' },
          signedOn: { type: 'string', format: 'date' },
          reference: { type: 'string', nullable: true },
          amount: { type: 'integer', minimum: 0 },
          decisionPoints: { type: 'array', items: { type: 'string' } },
        },
        required: ['party', 'signatory', 'signedOn', 'amount', 'decisionPoints'],
      },
    },
  },
};
const sign: Schema = { $ref: '#/components/schemas/SignDto' };

describe('a form made from a request schema', () => {
  it('starts empty and says what is missing, in Swedish, field by field', () => {
    expect(check(document, sign, emptyDraft(document, sign), sv)).toEqual({
      party: 'Välj ett alternativ.',
      'signatory.name': 'Fyll i fältet.',
      'signatory.title': 'Fyll i fältet.',
      signedOn: 'Fyll i fältet.',
      amount: 'Fyll i fältet.',
    });
  });

  it("mirrors the server's checks: a date's form, a whole number, a minimum", () => {
    const draft = { party: 'municipality', signatory: { name: 'A', title: 'B' }, signedOn: '11 januari', reference: '', amount: '-3', decisionPoints: '' };
    expect(check(document, sign, draft, sv)).toEqual({ signedOn: 'Skriv ett datum som ÅÅÅÅ-MM-DD.', amount: 'Minst 0.' });
    expect(check(document, sign, { ...draft, signedOn: '2018-01-11', amount: '2,5' }, sv)).toEqual({ amount: 'Skriv ett heltal.' });
  });

  it('sends numbers as numbers, lines as a list, and an empty nullable field as null', () => {
    const draft = {
      party: 'organisation',
      signatory: { name: ' Eva Lindqvist ', title: 'Ordförande' },
      signedOn: '2018-01-10',
      reference: '',
      amount: '20 352',
      decisionPoints: 'Godkänna avtalet.\n\n Utse firmatecknare. ',
    };
    expect(check(document, sign, draft, sv)).toEqual({});
    expect(toBody(document, sign, draft)).toEqual({
      party: 'organisation',
      signatory: { name: 'Eva Lindqvist', title: 'Ordförande' },
      signedOn: '2018-01-10',
      reference: null,
      amount: 20352,
      decisionPoints: ['Godkänna avtalet.', 'Utse firmatecknare.'],
    });
  });
});
