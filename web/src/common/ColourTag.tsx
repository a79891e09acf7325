import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { type Colour, colourLabels, colourTags } from './labels.ts';

/** A case's colour as the ledger shows it: the colour and its name (never colour alone). */
export const ColourTag = ({ colour, short = false }: { colour: Colour; short?: boolean }) => {
  const { language } = useI18n();
  const label = colourLabels[colour][language];
  return (
    <Tag
      color={colourTags[colour].background}
      variant="solid"
      style={{ color: colourTags[colour].text }}
      data-colour={colour}
    >
      {short ? label.replace(/（.*）|\s*\(.*\)/, '') : label}
    </Tag>
  );
};
