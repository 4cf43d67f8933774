/** An error for people, announced to screen readers; nothing when there is none. */
export function ErrorText(props: { error: string | null | undefined; testId?: string }) {
  if (!props.error) return null;
  return (
    <p class="error" role="alert" data-testid={props.testId}>
      {props.error}
    </p>
  );
}
