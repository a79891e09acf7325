import { Link } from 'react-router';

/** The link at the top of a record's page back to where the record is listed: `← label`. */
export const BackLink = ({ to, label }: { to: string; label: string }) => (
  <div>
    <Link to={to}>← {label}</Link>
  </div>
);
