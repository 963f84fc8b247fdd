import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Form, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { api, dataOf, type Role, type Schemas } from '../api/client';
import { ErrorMessage, Loading } from '../app/states';
import { usePageTitle } from '../app/page';
import { useT } from '../i18n/i18n';
import { useAuth } from './auth';
import { signInWithIdp } from './oidc';

export function useSignInSettings() {
  return useQuery({ queryKey: ['signInSettings'], queryFn: async () => dataOf(await api.GET('/auth/config')), staleTime: Infinity });
}

/** Shown in place of any page that needs a signed-in person; after signing in, that page is shown. */
export function SignInPage() {
  const t = useT();
  usePageTitle(t.signIn.title);
  const settings = useSignInSettings();
  return (
    <>
      <h1 tabIndex={-1}>{t.signIn.title}</h1>
      <p>{t.signIn.intro}</p>
      {settings.isPending && <Loading />}
      {settings.isError && <ErrorMessage error={settings.error} retry={() => settings.refetch()} />}
      {settings.data && <SignInMethods settings={settings.data} />}
    </>
  );
}

function SignInMethods({ settings }: { settings: Schemas['SignInSettingsDto'] }) {
  const t = useT();
  const returnTo = location.pathname + location.search;
  const idp = useMutation({ mutationFn: () => signInWithIdp(settings.oidc!, returnTo) });
  return (
    <>
      {settings.oidc && (
        <section aria-labelledby="idp-heading">
          <h2 id="idp-heading" className="visually-hidden">
            {t.signIn.withIdp}
          </h2>
          <Button className="button primary" onPress={() => idp.mutate()} isDisabled={idp.isPending}>
            {t.signIn.withIdp}
          </Button>
          {idp.isError && <ErrorMessage error={idp.error} />}
        </section>
      )}
      {settings.localSignIn && <LocalSignIn people={settings.demoPeople} />}
      {!settings.oidc && !settings.localSignIn && <p role="alert">{t.signIn.noMethod}</p>}
    </>
  );
}

function LocalSignIn({ people }: { people: Schemas['DemoPersonDto'][] }) {
  const t = useT();
  const auth = useAuth();
  const [personId, setPersonId] = useState(people[0]?.id ?? '');
  const person = people.find((p) => p.id === personId);
  const [roles, setRoles] = useState<string[]>(person ? [...person.roles] : []);
  const choose = (id: string) => {
    setPersonId(id);
    setRoles([...(people.find((p) => p.id === id)?.roles ?? [])]);
  };
  const signIn = useMutation({
    mutationFn: async () => dataOf(await api.POST('/auth/local-token', { body: { personId, roles: roles as Role[] } })),
    onSuccess: ({ token }) => auth.signIn(token),
  });
  return (
    <section aria-labelledby="local-heading" className="panel warning-panel">
      <h2 id="local-heading">{t.signIn.localTitle}</h2>
      <p>{t.signIn.localWarning}</p>
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          signIn.mutate();
        }}
      >
        <RadioGroup value={personId} onChange={choose} className="choice-group">
          <Label>{t.signIn.person}</Label>
          {people.map((p) => (
            <Radio key={p.id} value={p.id} className="choice">
              {p.name} <span className="muted">({p.organisationName ? t.signIn.organisation(p.organisationName) : t.signIn.tenant(p.tenant)})</span>
            </Radio>
          ))}
        </RadioGroup>
        {person && (
          <CheckboxGroup value={roles} onChange={setRoles} isRequired className="choice-group">
            <Label>{t.signIn.roles}</Label>
            <Text slot="description">{t.signIn.rolesHelp}</Text>
            {person.roles.map((role) => (
              <Checkbox key={role} value={role} className="choice">
                {t.roles[role]}
              </Checkbox>
            ))}
          </CheckboxGroup>
        )}
        <Button type="submit" className="button primary" isDisabled={roles.length === 0 || signIn.isPending}>
          {t.signIn.submit}
        </Button>
        {signIn.isError && <ErrorMessage error={signIn.error} />}
      </Form>
    </section>
  );
}
