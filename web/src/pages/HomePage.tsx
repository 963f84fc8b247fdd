import { Redirect } from 'wouter';

/** The start page: the case list for now (a worklist can take its place). */
export default function HomePage() {
  return <Redirect to="/arenden" replace />;
}
