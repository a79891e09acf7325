import { type Colour, colourTags } from '../../common/labels.ts';

/** A count on the board, in its colour's tag style: selecting it lists the cases behind it. */
export const CountButton = ({
  colour,
  count,
  label,
  pressed,
  onSelect,
}: {
  colour: Colour;
  count: number;
  label: string;
  pressed: boolean;
  onSelect: () => void;
}) => {
  const style = colourTags[colour];
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      data-colour={colour}
      data-count={count}
      onClick={onSelect}
      style={{
        minWidth: 44,
        padding: '2px 10px',
        border: pressed ? '2px solid #1a1a1a' : '2px solid transparent',
        borderRadius: 6,
        background: count > 0 ? style.background : '#f0f0f0',
        color: count > 0 ? style.text : '#404040',
        fontWeight: 600,
        fontSize: 15,
        cursor: 'pointer',
        fontVariantNumeric: 'tabular-nums',
        outlineOffset: 2,
      }}
    >
      {count}
    </button>
  );
};
