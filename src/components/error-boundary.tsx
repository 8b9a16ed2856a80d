import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** The area's name as the user knows it, e.g. "Compare". */
  area: string;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/**
 * Contains a rendering failure to one area of the app: the area shows what
 * happened and what to do, and every other area keeps working. React only
 * offers this as a class component.
 */
export class ErrorBoundary extends Component<
  ErrorBoundaryProps,
  ErrorBoundaryState
> {
  state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return {
      error: error instanceof Error ? error : new Error(String(error)),
    };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.area} failed to render`, error, info);
  }

  private readonly retry = () => this.setState({ error: null });

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section
        className="error-boundary"
        role="alert"
        aria-label={`${this.props.area} error`}
      >
        <h2>{this.props.area} could not be shown</h2>
        <p>
          Something went wrong while showing this part of the page. The rest of
          the app still works and your runs are saved. Try again; if it keeps
          failing, reload the page or delete the run that causes it from the
          history.
        </p>
        <p className="error-boundary-detail">Details: {error.message}</p>
        <button type="button" onClick={this.retry}>
          Try again
        </button>
      </section>
    );
  }
}
