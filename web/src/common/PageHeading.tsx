import { Typography } from 'antd';
import { Link } from 'react-router';

/** The head of a page reached from a list (a form, an import): the link back to the list, its title and what it is for. */
export const PageHeading = ({
  back,
  backLabel,
  title,
  intro,
}: {
  back: string;
  backLabel: string;
  title: string;
  intro: string;
}) => (
  <>
    <Link to={back}>← {backLabel}</Link>
    <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>
      {title}
    </Typography.Title>
    <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
  </>
);
