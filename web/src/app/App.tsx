import { RouterProvider } from 'react-aria-components';
import { Route, Switch, useLocation } from 'wouter';
import { useAuth } from '../auth/auth';
import { SignInPage } from '../auth/SignInPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ROUTES, type AppRoute } from './routes';
import { Shell } from './Shell';
import { Loading } from './states';

/** A page that needs a signed-in person shows the sign-in in its place until there is one (the URL stays). */
function Gate({ route }: { route: AppRoute }) {
  const auth = useAuth();
  if (route.public) return <route.page />;
  if (auth.checking) return <Loading />;
  if (!auth.actor) return <SignInPage />;
  if (route.roles && !auth.has(...route.roles)) return <NotFoundPage />;
  return <route.page />;
}

export function App() {
  const [, navigate] = useLocation();
  return (
    // react-aria's links navigate inside the app (no page reload).
    <RouterProvider navigate={(path) => navigate(path)}>
      <Shell>
        <Switch>
          {ROUTES.map((route) => (
            <Route key={route.path} path={route.path}>
              <Gate route={route} />
            </Route>
          ))}
          <Route>
            <NotFoundPage />
          </Route>
        </Switch>
      </Shell>
    </RouterProvider>
  );
}
