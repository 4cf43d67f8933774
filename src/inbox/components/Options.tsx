/** The <option>s of a select over a fixed list of codes (urgencies, statuses, categories…), each named for people. */
export function Options<T extends string>(props: { values: readonly T[]; label: (value: T) => string }) {
  return (
    <>
      {props.values.map((v) => (
        <option key={v} value={v}>
          {props.label(v)}
        </option>
      ))}
    </>
  );
}
