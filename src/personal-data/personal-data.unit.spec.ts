import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BoxUnreadable, MasterKey, newDataKey, openText, sealText } from './field-cipher';
import { personalDataSecret } from './master-key';
import { openData, sealData, subjectsIn } from './personal-fields';

const SUBJECT = '3f0e9a52-6c1d-4b7e-8a2f-5d9c0b1e2a34';
const key = newDataKey();

describe('the field cipher (AES-256-GCM)', () => {
  it('opens what it sealed, with a new nonce each time', () => {
    const a = sealText(key, 'Anna Berg', `${SUBJECT}/contactPerson.name`);
    const b = sealText(key, 'Anna Berg', `${SUBJECT}/contactPerson.name`);
    expect(a).toMatch(/^pd1:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(openText(key, a, `${SUBJECT}/contactPerson.name`)).toBe('Anna Berg');
  });

  it('refuses another key, another place, a changed byte, and what was never sealed', () => {
    const sealed = sealText(key, 'anna@example.se', `${SUBJECT}/contactPerson.email`);
    expect(() => openText(newDataKey(), sealed, `${SUBJECT}/contactPerson.email`)).toThrow(BoxUnreadable);
    expect(() => openText(key, sealed, `${SUBJECT}/contactPerson.name`)).toThrow(BoxUnreadable);
    const box = Buffer.from(sealed.slice(4), 'base64url');
    box[box.length - 20] ^= 1;
    expect(() => openText(key, `pd1:${box.toString('base64url')}`, `${SUBJECT}/contactPerson.email`)).toThrow(BoxUnreadable);
    expect(() => openText(key, 'anna@example.se', `${SUBJECT}/contactPerson.email`)).toThrow(BoxUnreadable);
  });
});

describe('the master key', () => {
  const master = new MasterKey('a master secret of at least thirty-two characters');

  it('wraps a data key for one subject of one tenant only', () => {
    const wrapped = master.wrap(key, 'linkoping', SUBJECT);
    expect(master.unwrap(wrapped, 'linkoping', SUBJECT).equals(key)).toBe(true);
    expect(() => master.unwrap(wrapped, 'osteraker', SUBJECT)).toThrow(BoxUnreadable);
    expect(() => new MasterKey('another master secret of thirty-two characters').unwrap(wrapped, 'linkoping', SUBJECT)).toThrow(BoxUnreadable);
  });

  it('looks emails up regardless of case and spaces, per tenant, and only with the master key', () => {
    const lookup = master.emailLookup('linkoping', 'anna.berg@example.se');
    expect(master.emailLookup('linkoping', '  Anna.Berg@EXAMPLE.se ').equals(lookup)).toBe(true);
    expect(master.emailLookup('osteraker', 'anna.berg@example.se').equals(lookup)).toBe(false);
    expect(new MasterKey('another master secret of thirty-two characters').emailLookup('linkoping', 'anna.berg@example.se').equals(lookup)).toBe(false);
  });
});

describe('PERSONAL_DATA_KEY', () => {
  it('is the configured secret, or one generated once in DATA_DIR and kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iop-pd-'));
    try {
      expect(personalDataSecret('configured secret', dir)).toEqual({ secret: 'configured secret', generated: false });
      const first = personalDataSecret(undefined, join(dir, 'data'));
      expect(first.secret).toMatch(/^[\w-]{43}$/);
      expect(personalDataSecret(undefined, join(dir, 'data'))).toEqual(first);
      expect(readFileSync(join(dir, 'data', 'personal-data-key'), 'utf8').trim()).toBe(first.secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('personal fields in event data', () => {
  const application = {
    purpose: 'Stöd till brottsutsatta',
    contactPerson: { subjectId: SUBJECT, name: 'Anna Berg', email: 'anna@example.se', phone: null, erased: false },
  };

  it('seals the declared fields only, keeps the subject id, and does not store the erased flag', () => {
    const sealed = sealData('ApplicationSubmitted', application, () => key);
    expect(sealed).toEqual({
      purpose: 'Stöd till brottsutsatta',
      contactPerson: { subjectId: SUBJECT, name: expect.stringMatching(/^pd1:/), email: expect.stringMatching(/^pd1:/), phone: null },
    });
    expect(subjectsIn('ApplicationSubmitted', sealed)).toEqual([SUBJECT]);
    expect(openData('ApplicationSubmitted', sealed, () => key)).toEqual(application);
  });

  it('reads [raderad] where the key is gone; absent values stay absent', () => {
    const sealed = sealData('ApplicationSubmitted', application, () => key);
    expect(openData('ApplicationSubmitted', sealed, () => null)).toEqual({
      purpose: 'Stöd till brottsutsatta',
      contactPerson: { subjectId: SUBJECT, name: '[raderad]', email: '[raderad]', phone: null, erased: true },
    });
  });

  it('leaves events without personal data as they are: other types, and applications recorded without a contact person', () => {
    const officer = { officer: { id: 'u1', name: 'Frida Larsson' }, assignedOn: '2023-05-16' };
    expect(sealData('OfficerAssigned', officer, () => key)).toBe(officer);
    const older = { purpose: 'Stöd' };
    expect(sealData('ApplicationSubmitted', older, () => key)).toBe(older);
    expect(openData('ApplicationSubmitted', { purpose: 'Stöd', contactPerson: null }, () => key)).toEqual({ purpose: 'Stöd', contactPerson: null });
    expect(subjectsIn('ApplicationSubmitted', older)).toEqual([]);
  });
});
