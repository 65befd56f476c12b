import { Link } from 'react-router';
import { useTitle } from '../components/useTitle';

export function NotFound() {
  useTitle('Page not found');
  return (
    <section className="card narrow">
      <h1>This page does not exist</h1>
      <p>
        <Link to="/">Go to the TikTimer home page</Link>
      </p>
    </section>
  );
}
